import { Navigate, Outlet, useLocation } from 'react-router'
import { useSession } from './session-provider'

/** Where the user was going, carried through the sign-in page. */
export interface SignInState {
  from?: string
}

export function RequireSession() {
  const { accessKey } = useSession()
  const location = useLocation()
  if (!accessKey) {
    const from = location.pathname + location.search + location.hash
    return <Navigate to="/sign-in" replace state={{ from } satisfies SignInState} />
  }
  return <Outlet />
}
