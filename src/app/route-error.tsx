import { Suspense, type ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { ErrorPanel } from '@/components/ui/error-panel'
import { ErrorBoundary } from './error-boundary'

/**
 * Around every route's element: its lazy chunk loads behind "Loading…", and whatever it throws (a failed chunk
 * included) shows the route error panel in its place, never a blank page. The next navigation tries again.
 */
export function RouteBoundary({ children }: { children: ReactNode }) {
  const { key } = useLocation()
  return (
    <ErrorBoundary resetKey={key} fallback={(error) => <RouteError error={error} />}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </ErrorBoundary>
  )
}

/** One route failed: say so inside the shell instead of blanking the page. */
export function RouteError({ error }: { error: unknown }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">This page failed to load</h1>
      <ErrorPanel error={error} onRetry={() => window.location.reload()} />
      <Link to="/" className="text-sm text-brand-700 hover:underline">
        Go to the inventory
      </Link>
    </div>
  )
}

export function NotFoundPage() {
  return (
    <div className="space-y-3">
      <title>Page not found · Scaleway Console</title>
      <h1 className="text-2xl font-bold text-slate-900">Page not found</h1>
      <p className="text-slate-600">Nothing lives at this address. Check the link, or go back to a page you know.</p>
      <Link to="/" className="text-sm text-brand-700 hover:underline">
        Go to the inventory
      </Link>
    </div>
  )
}

export function PageLoading() {
  return (
    <p role="status" className="p-8 text-sm text-slate-500">
      Loading…
    </p>
  )
}
