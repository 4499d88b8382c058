import { Button } from '@/components/ui/button'
import { maskSecret } from '@/lib/scaleway/secret-mask'
import { verdictOf } from '../api/verdict'
import { useWalkthrough, type StepStatus } from '../walkthrough'
import { Step } from './step'
import { TestResult } from './test-result'

export function TestStep() {
  const { outcome, testing, test, credentials, valid } = useWalkthrough()
  const verdict = outcome ? verdictOf(outcome.result) : null
  const status: StepStatus = !verdict || testing ? 'waiting' : verdict.authenticated ? 'done' : 'failed'
  return (
    <Step number={3} title="Test it" status={status}>
      <p>
        The real call: IAM reads the key back, as the retired <span className="font-mono">account.scaleway.com/tokens</span>{' '}
        call once did. The secret travels only in the X-Auth-Token header.
      </p>
      <pre tabIndex={0} className="focus-visible:outline-2 focus-visible:outline-brand-500 overflow-x-auto rounded-md bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
        {`GET /iam/v1alpha1/api-keys/${credentials.accessKey || '<access key>'}\nX-Auth-Token: ${credentials.secretKey ? maskSecret(credentials.secretKey) : '<secret key>'}`}
      </pre>
      <div className="flex items-center gap-3">
        <Button onClick={test} disabled={testing} aria-describedby={valid ? undefined : 'test-needs-key'}>
          {testing ? 'Testing…' : 'Test it'}
        </Button>
        {!valid && (
          <p id="test-needs-key" className="text-slate-500">
            Paste a well-formed access key and secret key first.
          </p>
        )}
      </div>
      {outcome && verdict && !testing && <TestResult outcome={outcome} verdict={verdict} />}
    </Step>
  )
}
