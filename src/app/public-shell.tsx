import { Link, NavLink, Outlet } from 'react-router'
import { buttonVariants } from '@/components/ui/button'

/** The console's frame for the pages open to signed-out visitors: same header, a Sign in link instead of the key. */
export function PublicShell() {
  return (
    <div className="flex min-h-full flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-[96rem] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="flex items-center gap-2 font-semibold">
            <img src="/favicon.svg" alt="" className="size-6" />
            Scaleway Console
          </span>
          <nav aria-label="Main" className="flex flex-wrap gap-1">
            <NavLink
              to="/get-started"
              className="rounded-md bg-slate-800 px-3 py-1.5 text-sm text-white"
            >
              Get started
            </NavLink>
          </nav>
          <div className="ml-auto flex items-center gap-4">
            <span className="text-xs text-slate-300">Not signed in</span>
            <Link to="/sign-in" className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
              Sign in
            </Link>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[96rem] flex-1 px-4 py-8 focus:outline-none">
        <Outlet />
      </main>
    </div>
  )
}
