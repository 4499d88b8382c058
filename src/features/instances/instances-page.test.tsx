import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RequireSession } from '@/features/session/require-session'
import { stubFetch } from '@/test/fetch-stub'
import { jsonResponse, renderRoutes } from '@/test/render'
import { PROJECT_ID, serverJson, zoneOf } from '@/test/scaleway-fixtures'
import { InstancesPage } from './instances-page'

const noProjects = () => jsonResponse(200, { projects: [], total_count: 0 })

const fetchMock = stubFetch({ signedIn: true })

const routes = [{ element: <RequireSession />, children: [{ path: '/instances', element: <InstancesPage /> }] }]

/** Answers server lists with `servers(zone, url)`, projects with none. */
function answer(servers: (zone: string, url: URL) => Response) {
  fetchMock.mockImplementation(async (request) => {
    const url = new URL(request.url)
    if (url.pathname.startsWith('/api/account/')) return noProjects()
    return servers(zoneOf(request) ?? '', url)
  })
}

const serverRequests = () =>
  fetchMock.mock.calls.map(([r]) => new URL(r.url)).filter((u) => u.pathname.endsWith('/servers'))

describe('InstancesPage, one zone', () => {
  it('lists the zone’s servers, says the total from X-Total-Count, and sends the URL’s filters to the API', async () => {
    answer(() =>
      jsonResponse(200, { servers: [serverJson({ name: 'web', zone: 'nl-ams-1' }), serverJson({ name: 'db', state: 'stopped', zone: 'nl-ams-1' })] }, { 'X-Total-Count': '120' }),
    )
    renderRoutes(routes, `/instances?zone=nl-ams-1&page=2&per_page=20&name=we&state=running&tags=a,b&project=${PROJECT_ID}&order=creation_date_asc`)
    const table = await screen.findByRole('table', { name: 'Instances in nl-ams-1' })
    expect(within(table).getByRole('link', { name: 'web' })).toHaveAttribute('href', expect.stringMatching(/^\/instances\/nl-ams-1\//))
    expect(screen.getByText('120 instances')).toBeInTheDocument()
    expect(screen.getByText('21–40 of 120 instances')).toBeInTheDocument()
    const url = serverRequests()[0]!
    expect(url.pathname).toBe('/api/instance/v1/zones/nl-ams-1/servers')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: '2',
      per_page: '20',
      name: 'we',
      state: 'running',
      tags: 'a,b',
      project: PROJECT_ID,
      order: 'creation_date_asc',
    })
  })

  it('puts "Search by name" and "State" in the URL, back to page 1, and asks the API again', async () => {
    answer(() => jsonResponse(200, { servers: [serverJson({ name: 'web' })] }, { 'X-Total-Count': '1' }))
    const { router } = renderRoutes(routes, '/instances?zone=fr-par-1&page=3')
    await screen.findByRole('table')
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'api')
    await waitFor(() => expect(router.state.location.search).toBe('?zone=fr-par-1&name=api'))
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'stopped')
    await waitFor(() => expect(router.state.location.search).toBe('?zone=fr-par-1&name=api&state=stopped'))
    await waitFor(() =>
      expect(serverRequests().some((u) => u.searchParams.get('name') === 'api' && u.searchParams.get('state') === 'stopped' && u.searchParams.get('page') === '1')).toBe(true),
    )
  })

  it('designs the empty state, with "Create instance"', async () => {
    answer(() => jsonResponse(200, { servers: [] }, { 'X-Total-Count': '0' }))
    renderRoutes(routes, '/instances?zone=pl-waw-3')
    expect(await screen.findByRole('heading', { name: 'No instances in pl-waw-3' })).toBeInTheDocument()
    const create = screen.getAllByRole('link', { name: 'Create instance' })
    expect(create.at(-1)).toHaveAttribute('href', '/instances/new?zone=pl-waw-3')
  })

  it('shows Scaleway’s message when the list fails', async () => {
    answer(() => jsonResponse(403, { details: [{ action: 'read', resource: 'instance_server' }], message: 'insufficient permissions', type: 'permissions_denied' }))
    renderRoutes(routes, '/instances?zone=fr-par-1')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('insufficient permissions (read on instance_server)')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })

  it('falls back to the default zone and says so for an unknown ?zone=', async () => {
    answer(() => jsonResponse(200, { servers: [] }, { 'X-Total-Count': '0' }))
    renderRoutes(routes, '/instances?zone=mars-1')
    expect(await screen.findByText(/“mars-1” is not a zone this console knows; showing fr-par-1/)).toBeInTheDocument()
    expect(serverRequests()[0]?.pathname).toBe('/api/instance/v1/zones/fr-par-1/servers')
  })
})

describe('InstancesPage, all zones', () => {
  it('lists every zone that answers and says which failed or are forbidden, with a Retry', async () => {
    answer((zone) => {
      if (zone === 'fr-par-2') return jsonResponse(500, { type: 'internal_error', message: 'internal error' })
      if (zone === 'nl-ams-1') return jsonResponse(403, { type: 'permissions_denied', message: 'insufficient permissions', details: [] })
      if (zone === 'pl-waw-1') return jsonResponse(200, { servers: [serverJson({ name: 'waw-web', zone })] }, { 'X-Total-Count': '1' })
      if (zone === 'fr-par-1') return jsonResponse(200, { servers: [serverJson({ name: 'par-web', zone })] }, { 'X-Total-Count': '1' })
      return jsonResponse(200, { servers: [] }, { 'X-Total-Count': '0' })
    })
    renderRoutes(routes, '/instances?zone=all')
    const zones = await screen.findByRole('region', { name: 'Zones' })
    await within(zones).findByText('8 of 10 zones answered; 1 failed, 1 forbidden.')
    const table = screen.getByRole('table', { name: 'Instances in all zones' })
    expect(within(table).getByRole('link', { name: 'waw-web' })).toHaveAttribute('href', expect.stringMatching(/^\/instances\/pl-waw-1\//))
    expect(within(table).getByRole('link', { name: 'par-web' })).toBeInTheDocument()
    expect(within(zones).getByText('fr-par-2: failed')).toBeInTheDocument()
    expect(within(zones).getByText('nl-ams-1: forbidden')).toBeInTheDocument()
    expect(within(zones).getByText('nl-ams-3: empty')).toBeInTheDocument()
    expect(screen.getByText('2 instances')).toBeInTheDocument()

    const before = serverRequests().filter((u) => u.pathname.includes('/fr-par-2/')).length
    await userEvent.click(within(zones).getByRole('button', { name: 'Retry fr-par-2' }))
    await waitFor(() => expect(serverRequests().filter((u) => u.pathname.includes('/fr-par-2/')).length).toBe(before + 1))
  })

  it('follows every page of a zone, 100 at a time, from X-Total-Count', async () => {
    answer((zone, url) => {
      if (zone !== 'fr-par-3') return jsonResponse(200, { servers: [] }, { 'X-Total-Count': '0' })
      const page = Number(url.searchParams.get('page'))
      const size = page < 3 ? 100 : 50
      return jsonResponse(200, { servers: Array.from({ length: size }, () => serverJson({ zone })) }, { 'X-Total-Count': '250' })
    })
    renderRoutes(routes, '/instances?zone=all')
    expect(await screen.findByText('250 instances')).toBeInTheDocument()
    const pages = serverRequests().filter((u) => u.pathname.includes('/fr-par-3/'))
    expect(pages.map((u) => [u.searchParams.get('page'), u.searchParams.get('per_page')])).toEqual([
      ['1', '100'],
      ['2', '100'],
      ['3', '100'],
    ])
  })
})
