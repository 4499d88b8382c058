import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { saveCredentials } from '@/features/session/credentials'
import { RequireSession } from '@/features/session/require-session'
import { jsonResponse, renderRoutes } from '@/test/render'
import { InstancesPage } from './instances-page'

const fetchMock = vi.fn<(input: Request) => Promise<Response>>()

function server(name: string, state: string) {
  return {
    id: `${name}-0000-4000-8000-000000000000`.slice(0, 36),
    name,
    state,
    state_detail: '',
    commercial_type: 'DEV1-S',
    tags: ['web'],
    public_ips: [],
    public_ip: null,
    allowed_actions: [],
    volumes: {},
    zone: 'nl-ams-1',
    creation_date: '2026-01-05T10:00:00+00:00',
  }
}

beforeEach(() => {
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
  saveCredentials({ accessKey: 'SCWDEMOADMIN00000001', secretKey: '11111111-1111-4111-8111-111111111111' })
})
afterEach(() => vi.unstubAllGlobals())

const routes = [{ element: <RequireSession />, children: [{ path: '/instances', element: <InstancesPage /> }] }]

describe('InstancesPage', () => {
  it('lists the zone’s servers with the total from X-Total-Count', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, { servers: [server('web', 'running'), server('db', 'stopped')] }, { 'X-Total-Count': '120' }),
    )
    renderRoutes(routes, '/instances?zone=nl-ams-1&page=2')
    const table = await screen.findByRole('table', { name: 'Instances in nl-ams-1' })
    expect(within(table).getByRole('link', { name: 'web' })).toBeInTheDocument()
    expect(within(table).getByText('stopped')).toBeInTheDocument()
    expect(screen.getByText('51–100 of 120 instances')).toBeInTheDocument()
    const url = new URL(fetchMock.mock.calls[0][0].url)
    expect(url.pathname).toBe('/api/instance/v1/zones/nl-ams-1/servers')
    expect(url.searchParams.get('page')).toBe('2')
    expect(url.searchParams.get('per_page')).toBe('50')
  })

  it('designs the empty state', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { servers: [] }, { 'X-Total-Count': '0' }))
    renderRoutes(routes, '/instances?zone=pl-waw-3')
    expect(await screen.findByText('No instances in pl-waw-3')).toBeInTheDocument()
  })

  it('shows Scaleway’s message when the list fails', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(403, { details: [{ action: 'read', resource: 'instance_server' }], message: 'insufficient permissions', type: 'permissions_denied' }),
    )
    renderRoutes(routes, '/instances?zone=fr-par-1')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('insufficient permissions (read on instance_server)')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })

  it('falls back to the default zone and says so for an unknown ?zone=', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { servers: [] }, { 'X-Total-Count': '0' }))
    renderRoutes(routes, '/instances?zone=mars-1')
    expect(await screen.findByText(/“mars-1” is not a zone this console knows; showing fr-par-1/)).toBeInTheDocument()
    expect(new URL(fetchMock.mock.calls[0][0].url).pathname).toBe('/api/instance/v1/zones/fr-par-1/servers')
  })
})
