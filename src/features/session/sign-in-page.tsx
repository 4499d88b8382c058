import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import type { SignInState } from './require-session'
import { useSession } from './session-provider'
import { SessionEndNotice } from './session-end-notice'
import { SignInForm } from './sign-in-form'

/** Only same-app paths are followed after sign-in, never an absolute URL. */
function safeDestination(state: unknown): string {
  const from = (state as SignInState | null)?.from
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/'
}

export function SignInPage() {
  const { accessKey, checking } = useSession()
  const location = useLocation()
  const navigate = useNavigate()
  const destination = safeDestination(location.state)

  if (checking) return null
  if (accessKey) return <Navigate to={destination} replace />

  return (
    <main className="flex min-h-full items-center justify-center px-4 py-12">
      <title>Sign in · Scaleway Console</title>
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold tracking-wide text-brand-700">Scaleway Console</p>
          <h1 className="mt-1 text-2xl font-bold text-slate-900">Sign in</h1>
          <p id="sign-in-help" className="mt-2 text-sm text-slate-600">
            Paste a Scaleway API key. The console checks it with IAM, then talks to the Scaleway API
            from this tab only.
          </p>
        </div>
        <SessionEndNotice destination={destination} />
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm onSignedIn={() => navigate(destination, { replace: true })} />
        </div>
        <details className="mt-4 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          <summary className="cursor-pointer font-medium text-slate-900">No API key yet?</summary>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            <li>In the Scaleway console, open IAM › API keys and choose “Generate API key”.</li>
            <li>Pick yourself (or an IAM application) as the bearer and an expiry date.</li>
            <li>Copy both the access key (SCW…) and the secret key: the secret is shown only once.</li>
          </ol>
          <p className="mt-2">
            <Link to="/get-started" className="font-medium text-brand-700 hover:underline">
              Get started: generate a key and test it, step by step
            </Link>
          </p>
        </details>
      </div>
    </main>
  )
}
