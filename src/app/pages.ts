import { matchRoutes } from 'react-router'
import { lazyPage, type LazyPage, startLoading } from './lazy-page'

// Pages load on demand; each is its own chunk. Declarative routes (no data router): nothing of a page is
// fetched before its route renders, so a signed-out bookmark downloads no page, only the sign-in form.

/** The signed-in pages, inside the shell. */
export const PAGES: { path: string; page: LazyPage }[] = [
  {
    path: '/',
    page: lazyPage(
      // The page and what asks for its data (a module the page imports anyway: no extra download).
      () => Promise.all([import('@/features/inventory/inventory-page'), import('@/features/inventory/api/use-inventory')]),
      ([page]) => page.InventoryPage,
      ([, data]) => data.prefetchInventory,
    ),
  },
  { path: '/instances', page: lazyPage(() => import('@/features/instances/instances-page'), (m) => m.InstancesPage) },
  {
    path: '/instances/new',
    page: lazyPage(() => import('@/features/instances/create-instance-page'), (m) => m.CreateInstancePage),
  },
  { path: '/instances/:zone/:id', page: lazyPage(() => import('./instance-detail-route'), (m) => m.InstanceDetailRoute) },
  { path: '/ips', page: lazyPage(() => import('@/features/ips/ips-page'), (m) => m.IpsPage) },
  { path: '/api-key', page: lazyPage(() => import('@/features/api-key/api-key-page'), (m) => m.ApiKeyPage) },
]

/** The page at `pathname`, if it is one of the signed-in pages. */
export function pageAt(pathname: string): LazyPage | undefined {
  return matchRoutes(PAGES, pathname)?.[0]?.route.page
}

/** Starts downloading the page a link leads to (on hover or focus: the click then finds it loaded). */
export function preloadPageAt(href: string) {
  const page = pageAt(new URL(href, window.location.origin).pathname)
  if (page) startLoading(page)
}
