import { PageHeader } from '@/components/ui/page-header'
import { useScalewayClient, useSession, useSessionSecret } from '@/features/session'
import { useKeyFacts } from './api/use-key-facts'
import { IamDeniedNotice } from './components/iam-denied-notice'
import { KeyDetails } from './components/key-details'
import { KeyPolicies } from './components/key-policies'
import { LiveChecks } from './components/live-checks'
import { RawIamJson } from './components/raw-iam-json'

/** The key this tab is signed in with: its details, what it can do (on paper and in practice), the raw IAM JSON. */
export function ApiKeyPage() {
  const client = useScalewayClient()
  const accessKey = useSession().accessKey ?? ''
  const secret = useSessionSecret() ?? ''
  const facts = useKeyFacts(client, accessKey)
  return (
    <>
      <PageHeader title="API key" description="The key this tab is signed in with, as IAM and the Account API describe it." />
      <IamDeniedNotice facts={facts} />
      <section aria-labelledby="the-key" className="space-y-3">
        <h2 id="the-key" className="text-lg font-semibold text-slate-900">The key</h2>
        <KeyDetails facts={facts} secret={secret} />
      </section>
      <section aria-labelledby="what-can" className="mt-8 space-y-4">
        <div>
          <h2 id="what-can" className="text-lg font-semibold text-slate-900">What can this key do</h2>
          <p className="text-sm text-slate-600">On paper: the IAM policies of its bearer. In practice: each call the console makes, tried now.</p>
        </div>
        <h3 className="font-semibold text-slate-900">Policies and permission sets</h3>
        <KeyPolicies client={client} facts={facts} />
        <LiveChecks client={client} accessKey={accessKey} />
      </section>
      <RawIamJson />
    </>
  )
}
