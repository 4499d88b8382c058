import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RequireSession } from '@/features/session/require-session'
import { stubFetch } from '@/test/fetch-stub'
import { jsonResponse, renderRoutes } from '@/test/render'
import { PROJECT_ID, zoneOf } from '@/test/scaleway-fixtures'
import { IpsPage } from './ips-page'

const fetchMock = stubFetch({ signedIn: true })

let n = 0
function ipJson(zone: string, overrides: Record<string, unknown> = {}) {
  n++
  const id = `${String(n).padStart(8, '0')}-2222-4000-8000-000000000000`
  return { id, address: `51.15.0.${n}`, prefix: null, reverse: null, server: null, organization: PROJECT_ID, project: PROJECT_ID, zone, type: 'routed_ipv4', state: 'detached', tags: [], ipam_id: id, ...overrides }
}

const routes = [{ element: <RequireSession />, children: [{ path: '/ips', element: <IpsPage /> }] }]

function answer(ips: (zone: string, url: URL) => Response) {
  fetchMock.mockImplementation(async (request) => {
    const url = new URL(request.url)
    if (url.pathname.startsWith('/api/account/')) return jsonResponse(200, { projects: [{ id: PROJECT_ID, name: 'default' }], total_count: 1 })
    if (url.pathname.startsWith('/api/iam/')) return jsonResponse(403, { type: 'permissions_denied', message: 'insufficient permissions', details: [] })
    return ips(zoneOf(request) ?? '', url)
  })
}

const ipRequests = () => fetchMock.mock.calls.map(([r]) => new URL(r.url)).filter((u) => u.pathname.endsWith('/ips'))

describe('IpsPage', () => {
  it('filters attached over every page, sends type/tags/project to the API, and counts the detached ones', async () => {
    const attached = ipJson('fr-par-1', { server: { id: '37eebbd9-a323-47fd-8192-07e13fe467a2', name: 'web' }, state: 'attached' })
    answer((_zone, url) => {
      const page = Number(url.searchParams.get('page'))
      // 101 IPs: the one detached IP on page 2 must still be found.
      const items = page === 1 ? [attached, ...Array.from({ length: 99 }, () => ipJson('fr-par-1', { state: 'attached', server: { id: '37eebbd9-a323-47fd-8192-07e13fe467a2', name: 'web' } }))] : [ipJson('fr-par-1', { address: '51.15.9.9' })]
      return jsonResponse(200, { ips: items }, { 'X-Total-Count': '101' })
    })
    renderRoutes(routes, `/ips?zone=fr-par-1&attached=false&type=routed_ipv4&tags=spare&project=${PROJECT_ID}`)
    const table = await screen.findByRole('table', { name: 'Flexible IPs in fr-par-1' })
    expect(within(table).getAllByRole('row')).toHaveLength(2)
    expect(within(table).getByText('51.15.9.9')).toBeInTheDocument()
    expect(screen.getByText(/1 detached IP is billed while unused/)).toBeInTheDocument()
    const sent = ipRequests()
    expect(sent.map((u) => u.searchParams.get('page'))).toEqual(['1', '2'])
    expect(Object.fromEntries(sent[0]!.searchParams)).toMatchObject({ type: 'routed_ipv4', tags: 'spare', project: PROJECT_ID, per_page: '100' })
    expect(sent[0]!.searchParams.has('attached')).toBe(false)
  })

  it('shows a routed IPv6 by its prefix', async () => {
    answer(() => jsonResponse(200, { ips: [ipJson('fr-par-1', { type: 'routed_ipv6', address: null, prefix: '2001:bc8:710:4001::/64' })] }, { 'X-Total-Count': '1' }))
    renderRoutes(routes, '/ips?zone=fr-par-1')
    expect(await screen.findByText('2001:bc8:710:4001::/64')).toBeInTheDocument()
  })

  it('designs the empty state with "Reserve a flexible IP", which opens the form', async () => {
    answer(() => jsonResponse(200, { ips: [] }, { 'X-Total-Count': '0' }))
    renderRoutes(routes, '/ips?zone=nl-ams-3')
    const empty = await screen.findByRole('heading', { name: 'No flexible IPs in nl-ams-3' })
    await userEvent.click(within(empty.parentElement!).getByRole('button', { name: 'Reserve a flexible IP' }))
    expect(screen.getByRole('dialog', { name: 'Reserve a flexible IP' })).toBeInTheDocument()
  })

  it('all zones: lists every zone that answers and says which failed', async () => {
    answer((zone) => (zone === 'pl-waw-1' ? jsonResponse(500, { type: 'internal_error', message: 'internal error' }) : jsonResponse(200, { ips: zone === 'it-mil-1' ? [ipJson(zone)] : [] }, { 'X-Total-Count': zone === 'it-mil-1' ? '1' : '0' })))
    renderRoutes(routes, '/ips?zone=all')
    const zones = await screen.findByRole('region', { name: 'Zones' })
    await within(zones).findByText('9 of 10 zones answered; 1 failed.')
    expect(within(zones).getByText('pl-waw-1: failed')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Flexible IPs in all zones' })).toHaveTextContent('it-mil-1')
  })

  it('checks a reverse DNS name before any request', async () => {
    answer(() => jsonResponse(200, { ips: [ipJson('fr-par-1', { address: '51.15.7.7' })] }, { 'X-Total-Count': '1' }))
    renderRoutes(routes, '/ips?zone=fr-par-1')
    await userEvent.click(await screen.findByRole('button', { name: 'Actions for 51.15.7.7' }))
    // jsdom hides every [popover] (it knows no :popover-open), so the open menu counts as hidden here.
    await userEvent.click(screen.getByRole('button', { name: 'Edit reverse DNS', hidden: true }))
    const dialog = screen.getByRole('dialog', { name: 'Reverse DNS of 51.15.7.7' })
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reverse DNS' }), 'web')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save reverse DNS' }))
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Reverse DNS' })).toHaveAccessibleDescription(/not a fully qualified domain name/))
    expect(fetchMock.mock.calls.filter(([r]) => r.method === 'PATCH')).toHaveLength(0)
  })
})
