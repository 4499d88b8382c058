import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { saveCredentials } from '@/features/session/credentials'
import { createQueryClient } from '@/lib/query-client'
import { ZONES } from '@/lib/scaleway/localities'
import { ADMIN_CREDENTIALS, stubFetch } from '@/test/fetch-stub'
import { jsonResponse, renderRoutes } from '@/test/render'
import { AppRoutes } from './router'

// The shell's chunk held back: what is asked for meanwhile was asked before any page rendered.
const gate = vi.hoisted(() => {
  let open = () => {}
  const shell = new Promise<void>((resolve) => (open = resolve))
  return { shell, open: () => open() }
})
vi.mock('./app-shell', async (importOriginal) => {
  await gate.shell
  return importOriginal()
})

const fetchMock = stubFetch()

function answer(request: Request): Response {
  const path = new URL(request.url).pathname
  if (path.includes('/zones/nl-ams-1/ips')) {
    return jsonResponse(403, { type: 'permissions_denied', message: 'insufficient permissions', details: [{ resource: 'instance_ip', action: 'read' }] })
  }
  if (path.endsWith('/servers')) return jsonResponse(200, { servers: [] }, { 'X-Total-Count': '0' })
  if (path.endsWith('/ips')) return jsonResponse(200, { ips: [], total_count: 0 }, { 'X-Total-Count': '0' })
  if (path.endsWith('/projects')) return jsonResponse(200, { projects: [], total_count: 0 })
  return jsonResponse(404, { type: 'not_found', message: 'not in this test' })
}

describe('page data', { timeout: 20_000 }, () => {
  it('the inventory’s lists leave before the page renders, and the page reads those very requests (a refusal too)', async () => {
    fetchMock.mockImplementation(async (request) => answer(request))
    saveCredentials(ADMIN_CREDENTIALS)
    const { queryClient } = renderRoutes(<AppRoutes />, '/')
    // The app's own freshness (the test client's default is 0: stale at once, read again on mount).
    const { staleTime } = createQueryClient().getDefaultOptions().queries ?? {}
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, staleTime } })
    const lists = () => fetchMock.mock.calls.map(([request]) => new URL(request.url).pathname).filter((p) => /\/(servers|ips|projects)$/.test(p))
    // Every zone's servers and IPs, and the projects, while the shell is still on its way.
    await waitFor(() => expect(lists()).toHaveLength(ZONES.length * 2 + 1))
    expect(screen.getByRole('status')).toHaveTextContent('Loading…')

    gate.open()
    // nl-ams-1's IPs were refused before the page mounted: that answer stands, it is not asked again.
    expect((await screen.findAllByText(/zones read in full; nl-ams-1: flexible IPs forbidden/, {}, { timeout: 10_000 }))[0]).toBeInTheDocument()
    // Not one list asked twice: the page found the prefetched queries.
    expect(new Set(lists()).size).toBe(lists().length)
    expect(lists()).toHaveLength(ZONES.length * 2 + 1)
  })
})
