import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RequireSession } from '@/features/session/require-session'
import { stubFetch } from '@/test/fetch-stub'
import { jsonResponse, renderRoutes } from '@/test/render'
import { PROJECT_ID } from '@/test/scaleway-fixtures'
import { CreateInstanceForm } from './create-instance-form'

const IMAGE = '6d3c053e-c728-4294-b23a-560b62a4d592'
const IP = '9918ae90-cd48-408f-97af-bcf3bc77afbc'

const fetchMock = stubFetch({ signedIn: true })

const type = (ncpus: number, hourly: number) => ({ ncpus, ram: 2 ** 31, arch: 'x86_64', hourly_price: hourly, monthly_price: hourly * 730, alt_names: [], gpu: 0 })

/** The catalogue of fr-par-1, and `create` deciding what POST /servers answers. */
function fakeApi(create: () => Response) {
  fetchMock.mockImplementation(async (request) => {
    const { pathname } = new URL(request.url)
    if (pathname.endsWith('/products/servers')) return jsonResponse(200, { servers: { 'DEV1-S': type(2, 0.0088), 'GP1-XL': type(48, 1.67) } }, { 'X-Total-Count': '2' })
    if (pathname.endsWith('/availability')) return jsonResponse(200, { servers: { 'DEV1-S': { availability: 'available' }, 'GP1-XL': { availability: 'shortage' } } }, { 'X-Total-Count': '2' })
    if (pathname.endsWith('/images')) return jsonResponse(200, { images: [{ id: IMAGE, name: 'Ubuntu 22.04 Jammy Jellyfish', arch: 'x86_64', public: true }] }, { 'X-Total-Count': '1' })
    if (pathname.startsWith('/api/account/')) return jsonResponse(200, { projects: [{ id: PROJECT_ID, name: 'default' }], total_count: 1 })
    if (pathname.endsWith('/ips') && request.method === 'POST') return jsonResponse(201, { ip: { id: IP, address: '51.15.0.1', type: 'routed_ipv4', tags: [] } })
    if (pathname.endsWith(`/ips/${IP}`) && request.method === 'DELETE') return new Response(null, { status: 204 })
    if (pathname.endsWith('/servers') && request.method === 'POST') return create()
    return jsonResponse(501, { type: 'not_implemented', message: `unexpected ${request.method} ${pathname}` })
  })
}

async function fillAndSubmit() {
  const user = userEvent.setup()
  const name = screen.getByRole('textbox', { name: 'Name' })
  await user.clear(name)
  await user.type(name, 'my-box')
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Commercial type' }), 'DEV1-S')
  await waitFor(() => expect(screen.getByRole('combobox', { name: 'Image' })).toBeEnabled())
  await user.selectOptions(screen.getByRole('combobox', { name: 'Image' }), IMAGE)
  await waitFor(() => expect(screen.getByRole('combobox', { name: 'Project' })).toHaveValue(PROJECT_ID))
  await user.type(screen.getByRole('textbox', { name: 'Tags' }), 'web, prod')
  await user.click(screen.getByRole('button', { name: 'Create instance' }))
}

function renderForm(onCreated = vi.fn()) {
  renderRoutes(
    [{ element: <RequireSession />, children: [{ path: '/new', element: <CreateInstanceForm zone="fr-par-1" onZoneChange={() => {}} defaultProject={PROJECT_ID} onCreated={onCreated} /> }] }],
    '/new',
  )
  return onCreated
}

const posts = () => fetchMock.mock.calls.map(([r]) => r).filter((r) => r.method !== 'GET')

describe('CreateInstanceForm', () => {
  it('shows price and availability, and an out-of-stock type cannot be picked', async () => {
    fakeApi(() => jsonResponse(500, {}))
    renderForm()
    const select = await screen.findByRole('combobox', { name: 'Commercial type' })
    await waitFor(() => expect(within(select).getByRole('option', { name: /DEV1-S · 2 vCPU, 2 GB · €0\.0088\/h/ })).toBeEnabled())
    expect(within(select).getByRole('option', { name: /GP1-XL .* out of stock/ })).toBeDisabled()
  })

  it('reserves the IP, creates the server with it, and reports the new server', async () => {
    fakeApi(() => jsonResponse(201, { server: { id: '37eebbd9-a323-47fd-8192-07e13fe467a2', name: 'my-box', state: 'stopped', zone: 'fr-par-1' } }))
    const onCreated = renderForm()
    await fillAndSubmit()
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith({ id: '37eebbd9-a323-47fd-8192-07e13fe467a2', name: 'my-box', zone: 'fr-par-1' }))
    const [ip, server] = posts()
    expect(await ip!.clone().json()).toEqual({ project: PROJECT_ID, type: 'routed_ipv4', tags: ['web', 'prod'] })
    expect(await server!.clone().json()).toMatchObject({ name: 'my-box', commercial_type: 'DEV1-S', image: IMAGE, project: PROJECT_ID, tags: ['web', 'prod'], public_ips: [IP] })
  })

  it('puts invalid_arguments on their field, releases the reserved IP and keeps what was typed', async () => {
    fakeApi(() =>
      jsonResponse(400, { type: 'invalid_arguments', message: 'invalid argument(s)', details: [{ argument_name: 'commercial_type', reason: 'constraint', help_message: 'commercial type "DEV1-S" is not available in fr-par-1' }] }),
    )
    const onCreated = renderForm()
    await fillAndSubmit()
    const field = screen.getByRole('combobox', { name: 'Commercial type' })
    await waitFor(() => expect(field).toHaveAccessibleDescription(/not available in fr-par-1/))
    expect(field).toHaveValue('DEV1-S')
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('my-box')
    expect(screen.getByRole('textbox', { name: 'Tags' })).toHaveValue('web, prod')
    expect(posts().map((r) => `${r.method} ${new URL(r.url).pathname.split('/').slice(-2).join('/')}`)).toEqual([
      'POST fr-par-1/ips',
      'POST fr-par-1/servers',
      `DELETE ips/${IP}`,
    ])
    expect(onCreated).not.toHaveBeenCalled()
  })

  it('shows quotas_exceeded in a banner', async () => {
    fakeApi(() =>
      jsonResponse(403, { type: 'quotas_exceeded', message: 'quota(s) exceeded for this resource', details: [{ resource: 'instances', quota: 10, current: 10 }] }),
    )
    renderForm()
    await fillAndSubmit()
    const banner = await screen.findByRole('alert')
    expect(banner).toHaveTextContent('Quota exceeded')
    expect(banner).toHaveTextContent('instances: 10 of 10 used')
  })
})
