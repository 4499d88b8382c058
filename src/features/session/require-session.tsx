import { Navigate, Outlet, useLocation } from 'react-router'
import { useSession } from './session-provider'

/** Where the user was going, carried through the sign-in page. */
export interface SignInState {
  from?: string
}

export function RequireSession() {
  const { accessKey, checking } = useSession()
  const location = useLocation()
  if (checking) {
    return (
      <p role="status" className="p-8 text-sm text-slate-600">
        Opening your session…
      </p>
    )
  }
  if (!accessKey) {
    const from = location.pathname + location.search + location.hash
    return <Navigate to="/sign-in" replace state={{ from } satisfies SignInState} />
  }
  return <Outlet />
}
