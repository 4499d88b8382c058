import { Errors } from '@scaleway/sdk-client'
import { useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { sessionQueries, useSession, type KeyVerification } from '@/features/session'
import type { TestOutcome } from '../api/test-key'
import { verdictOf } from '../api/verdict'
import { useWalkthrough } from '../walkthrough'
import { Step } from './step'

const linkClass = 'font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800'

/** What the test learnt, in the form the session keeps (so signing in sends no second request). */
function verificationOf({ result }: TestOutcome): KeyVerification {
  if (result.ok) return { kind: 'verified', apiKey: result.value }
  const reason = result.error instanceof Errors.ScalewayError ? result.error.rawMessage : undefined
  return { kind: 'no-iam-read', reason: reason ?? 'insufficient permissions' }
}

export function NextStep() {
  const { outcome, credentials, zone } = useWalkthrough()
  const { accessKey: signedInAs, signIn } = useSession()
  const queryClient = useQueryClient()
  const works = outcome !== null && verdictOf(outcome.result).authenticated
  const signedInWithIt = works && signedInAs === outcome.accessKey

  function signInWithKey() {
    if (!outcome) return
    signIn(credentials)
    queryClient.setQueryData(sessionQueries.currentKeyKey(outcome.accessKey), verificationOf(outcome))
  }

  return (
    <Step number={5} title="Next" status={signedInWithIt ? 'done' : 'waiting'}>
      {signedInWithIt ? (
        <p role="status">
          Signed in with <span className="font-mono">{outcome.accessKey}</span>. The key stays in this tab only.
        </p>
      ) : (
        <>
          <p>
            {works
              ? 'Use the key in this console: one click, no second check (the test just did it).'
              : 'Once the test says the key works, sign in with it here in one click.'}
            {signedInAs && works && ' This replaces the key this tab is signed in with.'}
          </p>
          <Button onClick={signInWithKey} disabled={!works}>
            Sign in with this key
          </Button>
        </>
      )}
      {signedInWithIt && (
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Link to={`/instances?${new URLSearchParams({ zone })}`} className={linkClass}>Instances in {zone}</Link>, the key’s default zone
          </li>
          <li>
            <Link to="/" className={linkClass}>Inventory</Link>: everything the key can see, in every zone
          </li>
          <li>
            <Link to="/api-key" className={linkClass}>API key</Link>: what can this key do
          </li>
        </ul>
      )}
    </Step>
  )
}
