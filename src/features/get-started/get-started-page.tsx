import { Link } from 'react-router'
import { PageHeader } from '@/components/ui/page-header'

const STEPS = [
  {
    title: 'Generate an API key',
    body: 'In the Scaleway console, open IAM › API keys and choose “Generate API key”. Pick a bearer (yourself or an IAM application), an expiry and a default project.',
  },
  {
    title: 'Copy both halves',
    body: 'The access key starts with SCW; the secret key is a UUID shown only once. Keep the secret somewhere safe.',
  },
  {
    title: 'Sign in here',
    body: 'Paste both into the sign-in form. The console verifies the key with IAM and keeps it in this tab only.',
  },
  {
    title: 'See what it can do',
    body: 'The API key page shows the key’s details; the Inventory shows every zone it can see.',
  },
]

export function GetStartedPage() {
  return (
    <>
      <PageHeader title="Get started" description="From a fresh Scaleway account to a working API key." />
      <ol className="space-y-3">
        {STEPS.map((step, i) => (
          <li key={step.title} className="flex gap-4 rounded-lg border border-slate-200 bg-white p-4">
            <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-800">
              {i + 1}
            </span>
            <div>
              <h2 className="font-semibold text-slate-900">{step.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{step.body}</p>
            </div>
          </li>
        ))}
      </ol>
      <p className="mt-6 text-sm text-slate-600">
        You are signed in already: check the <Link to="/api-key" className="text-brand-700 hover:underline">API key</Link> page.
      </p>
    </>
  )
}
