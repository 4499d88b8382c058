import { createBrowserRouter, type RouteObject } from 'react-router'
import { RequireSession, SignInPage } from '@/features/session'
import { NotFoundPage, PageLoading, RouteError } from './route-error'

/** What a route tells the shell. */
export interface RouteHandle {
  /** The page can show every zone at once (`?zone=all`): the zone switcher offers "All zones". */
  allZones?: boolean
}

/** Pages load on demand; each is its own chunk. */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    // Open signed out too: its own frame (the console's shell when signed in, a public one otherwise).
    path: '/get-started',
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
    lazy: () => import('./get-started-route').then((m) => ({ Component: m.GetStartedRoute })),
    children: [
      {
        index: true,
        errorElement: <RouteError />,
        lazy: () => import('@/features/get-started/get-started-page').then((m) => ({ Component: m.GetStartedPage })),
      },
    ],
  },
  {
    element: <RequireSession />,
    errorElement: <RouteError />,
    // Shown while the first lazy page of a visit loads.
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        // Lazy: the shell (and the Instance SDK behind the zone list) is not needed to sign in.
        lazy: () => import('./app-shell').then((m) => ({ Component: m.AppShell })),
        children: [
          {
            // Errors in any page render inside the shell, never a blank page.
            errorElement: <RouteError />,
            children: [
              {
                index: true,
                lazy: () => import('@/features/inventory/inventory-page').then((m) => ({ Component: m.InventoryPage })),
              },
              {
                path: 'instances',
                handle: { allZones: true } satisfies RouteHandle,
                lazy: () => import('@/features/instances/instances-page').then((m) => ({ Component: m.InstancesPage })),
              },
              {
                path: 'instances/new',
                lazy: () =>
                  import('@/features/instances/create-instance-page').then((m) => ({ Component: m.CreateInstancePage })),
              },
              {
                path: 'instances/:zone/:id',
                lazy: () => import('./instance-detail-route').then((m) => ({ Component: m.InstanceDetailRoute })),
              },
              {
                path: 'ips',
                handle: { allZones: true } satisfies RouteHandle,
                lazy: () => import('@/features/ips/ips-page').then((m) => ({ Component: m.IpsPage })),
              },
              {
                path: 'api-key',
                lazy: () => import('@/features/api-key/api-key-page').then((m) => ({ Component: m.ApiKeyPage })),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]

export function createRouter() {
  return createBrowserRouter(routes)
}
