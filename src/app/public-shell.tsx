import { Link, NavLink, Outlet } from 'react-router'
import { buttonVariants } from '@/components/ui/button'
import { ConsoleFrame } from './console-frame'

/** The console's frame for the pages open to signed-out visitors: same header, a Sign in link instead of the key. */
export function PublicShell() {
  return (
    <ConsoleFrame
      nav={
        <NavLink to="/get-started" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white">
          Get started
        </NavLink>
      }
      end={
        <div className="ml-auto flex items-center gap-4">
          <span className="text-xs text-slate-300">Not signed in</span>
          <Link to="/sign-in" className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
            Sign in
          </Link>
        </div>
      }
    >
      <Outlet />
    </ConsoleFrame>
  )
}
