import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { type Location, MemoryRouter, type RouteObject } from 'react-router'
import { SessionProvider } from '@/features/session'
import { LocationProbe, RouteTable } from './route-probes'

/** A fresh QueryClient per test, no retries (TkDodo/testing-react-query). */
function createTestQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
}

/**
 * Renders route objects (or the app's own `<AppRoutes />`) in a memory router at `initialEntry`, as the app
 * renders them in the browser's. `router.state.location` is where it is now, as the router has drawn it.
 */
export function renderRoutes(routes: RouteObject[] | ReactElement, initialEntry: string) {
  const queryClient = createTestQueryClient()
  let current: Location | undefined
  const router = {
    state: {
      get location(): Location {
        if (!current) throw new Error('the router has not rendered yet')
        return current
      },
    },
  }
  const utils = render(
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <MemoryRouter initialEntries={[initialEntry]}>
          {Array.isArray(routes) ? <RouteTable routes={routes} /> : routes}
          <LocationProbe
            onChange={(location) => {
              current = location
            }}
          />
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  )
  return { ...utils, router, queryClient }
}

/** A Scaleway-shaped JSON response, as the SDK expects it (exact content type). */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}
