import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RequireSession } from '@/features/session/require-session'
import { stubFetch } from '@/test/fetch-stub'
import { jsonResponse, renderRoutes } from '@/test/render'
import { serverJson } from '@/test/scaleway-fixtures'
import { InstanceDetailPage } from './instance-detail-page'

const fetchMock = stubFetch({ signedIn: true })

const routes = [
  {
    element: <RequireSession />,
    children: [
      { path: '/instances/:zone/:id', element: <InstanceDetailPage /> },
      { path: '/instances', element: <p>the list</p> },
    ],
  },
]

/** A stateful fake of the few endpoints the detail page calls; `patch` and `remove` decide writes. */
function fakeApi(server: ReturnType<typeof serverJson>, writes: { patch?: () => Response; remove?: () => Response } = {}) {
  let current = server
  fetchMock.mockImplementation(async (request) => {
    const { pathname } = new URL(request.url)
    if (pathname.startsWith('/api/account/')) return jsonResponse(200, { projects: [], total_count: 0 })
    if (pathname.startsWith('/api/block/')) return jsonResponse(200, { id: 'v', name: 'root-volume', type: 'sbs_5k', size: 20_000_000_000, references: [], tags: [], status: 'in_use', project_id: server.project, zone: server.zone })
    if (pathname.includes('/security_groups/')) return jsonResponse(404, { type: 'not_found', message: 'resource is not found', resource: 'instance_security_group', resource_id: 'x' })
    if (request.method === 'PATCH') {
      const answer = writes.patch?.()
      if (answer && !answer.ok) return answer
      current = { ...current, ...((await request.json()) as object) }
      return jsonResponse(200, { server: current })
    }
    if (request.method === 'DELETE') return writes.remove?.() ?? new Response(null, { status: 204 })
    return jsonResponse(200, { server: current })
  })
}

const writes = (method: string) => fetchMock.mock.calls.filter(([r]) => r.method === method)

describe('InstanceDetailPage', () => {
  it('shows the server with its volumes, and "Copy as curl" copies the GET with the secret as a variable', async () => {
    const user = userEvent.setup()
    const server = serverJson({ name: 'web' })
    fakeApi(server)
    renderRoutes(routes, `/instances/fr-par-1/${server.id}`)
    expect(await screen.findByRole('heading', { level: 1, name: 'web' })).toBeInTheDocument()
    const volumes = screen.getByRole('table', { name: 'Volumes' })
    expect(await within(volumes).findByText('root-volume')).toBeInTheDocument()
    expect(within(volumes).getByText('20 GB')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Open in the Scaleway console' })).toHaveAttribute(
      'href',
      `https://console.scaleway.com/instance/servers/fr-par-1/${server.id}/overview`,
    )
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }))
    const copied = await navigator.clipboard.readText()
    expect(copied).toBe(
      `curl -sS -H 'X-Auth-Token: '"$SCW_SECRET_KEY" 'https://api.scaleway.com/instance/v1/zones/fr-par-1/servers/${server.id}'`,
    )
    expect(copied).not.toContain('11111111-1111-4111-8111-111111111111')
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument()
  })

  it('renames optimistically and rolls back when Scaleway answers 500, keeping what was typed', async () => {
    const server = serverJson({ name: 'web' })
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    fakeApi(server)
    const base = fetchMock.getMockImplementation()!
    fetchMock.mockImplementation(async (request) => {
      if (request.method !== 'PATCH') return base(request)
      await gate
      return jsonResponse(500, { type: 'internal_error', message: 'internal error' })
    })
    renderRoutes(routes, `/instances/fr-par-1/${server.id}`)
    const name = await screen.findByRole('textbox', { name: 'Name' })
    await userEvent.clear(name)
    await userEvent.type(name, 'web-renamed')
    await userEvent.click(screen.getByRole('button', { name: 'Rename' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'web-renamed' })).toBeInTheDocument()
    release()
    expect(await screen.findByRole('heading', { level: 1, name: 'web' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('internal error')
    expect(name).toHaveValue('web-renamed')
    expect(writes('PATCH')).toHaveLength(1)
  })

  it('a double-clicked Delete sends one DELETE, then goes back to the list', async () => {
    const server = serverJson({ name: 'old-box', state: 'stopped' })
    fakeApi(server)
    const { router } = renderRoutes(routes, `/instances/fr-par-1/${server.id}`)
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete old-box' })
    expect(within(dialog).getByText(/What stays/)).toBeInTheDocument()
    const confirm = within(dialog).getByRole('button', { name: 'Delete' })
    expect(confirm).toBeDisabled()
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Type “old-box” to confirm' }), 'old-box')
    await userEvent.dblClick(confirm)
    await userEvent.click(confirm)
    await waitFor(() => expect(router.state.location.pathname).toBe('/instances'))
    expect(writes('DELETE')).toHaveLength(1)
  })

  it('keeps the dialog open with Scaleway’s message when an action is refused', async () => {
    const server = serverJson({ name: 'web' })
    fakeApi(server)
    const base = fetchMock.getMockImplementation()!
    fetchMock.mockImplementation(async (request) =>
      request.method === 'POST'
        ? jsonResponse(403, { type: 'permissions_denied', message: 'insufficient permissions', details: [{ action: 'write', resource: 'server' }] })
        : base(request),
    )
    renderRoutes(routes, `/instances/fr-par-1/${server.id}`)
    await userEvent.click(await screen.findByRole('button', { name: 'Power off' }))
    const dialog = screen.getByRole('dialog', { name: 'Power off web?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Power off' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('insufficient permissions (write on server)')
    expect(screen.getByRole('heading', { level: 1, name: 'web' })).toBeInTheDocument()
  })

  it('a disabled action says why', async () => {
    const server = serverJson({ name: 'web', protected: true })
    fakeApi(server)
    renderRoutes(routes, `/instances/fr-par-1/${server.id}`)
    const terminate = await screen.findByRole('button', { name: 'Terminate' })
    expect(terminate).toHaveAttribute('aria-disabled', 'true')
    expect(terminate).toHaveAccessibleDescription('The server is protected: turn protection off first.')
    await userEvent.click(terminate)
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
