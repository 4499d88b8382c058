import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SESSION_STORAGE_KEY, saveCredentials } from '@/features/session/credentials'
import { jsonResponse, renderRoutes } from '@/test/render'
import { AppShell } from './app-shell'
import { RouteBoundary } from './route-error'
import { AppRoutes } from './router'

const fetchMock = vi.fn<(input: Request) => Promise<Response>>()

beforeEach(() => {
  fetchMock.mockReset()
  fetchMock.mockImplementation(async () => jsonResponse(200, { servers: [], ips: [] }, { 'X-Total-Count': '0' }))
  vi.stubGlobal('fetch', fetchMock)
  saveCredentials({ accessKey: 'SCWDEMOADMIN00000001', secretKey: '11111111-1111-4111-8111-111111111111' })
})
afterEach(() => vi.unstubAllGlobals())

describe('app shell', () => {
  it('shows a not-found page inside the shell for an unknown route', async () => {
    renderRoutes(<AppRoutes />, '/definitely/not/here')
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('banner')).toHaveTextContent('SCWDEMOADMIN00000001')
    expect(screen.getByRole('combobox', { name: 'Zone' })).toHaveValue('fr-par-1')
  })

  it('sign out clears the session and the whole query cache', async () => {
    const { router, queryClient } = renderRoutes(<AppRoutes />, '/instances?zone=fr-par-1')
    await screen.findByText('No instances in fr-par-1')
    expect(queryClient.getQueryCache().getAll().length).toBeGreaterThan(0)

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0)
    expect(screen.getByLabelText('Access key')).toHaveValue('')
  })

  it('the zone switcher rewrites ?zone= and keeps the page', async () => {
    const { router } = renderRoutes(<AppRoutes />, '/ips?zone=fr-par-1&page=3')
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Zone' }), 'it-mil-1')
    await waitFor(() => expect(router.state.location.search).toBe('?zone=it-mil-1'))
    expect(router.state.location.pathname).toBe('/ips')
    expect(screen.getByRole('link', { name: 'Instances' })).toHaveAttribute('href', '/instances?zone=it-mil-1')
  })

  it('on an instance page, the zone comes from the path', async () => {
    const id = '0f798a90-a89e-4baa-b6bb-807f5e304f03'
    fetchMock.mockImplementation(async () =>
      jsonResponse(404, { message: 'resource is not found', resource: 'instance_server', resource_id: id, type: 'not_found' }),
    )
    renderRoutes(<AppRoutes />, `/instances/nl-ams-2/${id}`)
    expect(await screen.findByRole('heading', { name: 'This server no longer exists' })).toBeInTheDocument()
    expect(screen.getByText(/resource is not found/)).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Zone' })).toHaveValue('nl-ams-2')
    expect(screen.getByRole('link', { name: 'Flexible IPs' })).toHaveAttribute('href', '/ips?zone=nl-ams-2')
  })

  it('an id from the URL that is not a UUID never reaches a request path', async () => {
    renderRoutes(<AppRoutes />, '/instances/fr-par-1/..%2F..%2F..%2F..%2F..%2Fiam%2Fv1alpha1%2Fapi-keys%3F')
    expect(await screen.findByText('Page not found')).toBeInTheDocument()
    const paths = fetchMock.mock.calls.map(([request]) => new URL(request.url).pathname)
    expect(paths.filter((p) => p.startsWith('/api/iam') || p.includes('/servers/'))).toEqual([])
  })

  it('offers "All zones" on the pages that can show it, and keeps it between them', async () => {
    const { router } = renderRoutes(<AppRoutes />, '/instances?zone=fr-par-1')
    const zone = await screen.findByRole('combobox', { name: 'Zone' })
    await userEvent.selectOptions(zone, 'all')
    await waitFor(() => expect(router.state.location.search).toBe('?zone=all'))
    await userEvent.click(screen.getByRole('link', { name: 'Flexible IPs' }))
    await screen.findByRole('heading', { name: 'Flexible IPs' })
    expect(router.state.location.search).toBe('?zone=all')
    await userEvent.click(screen.getByRole('link', { name: 'Get started' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/get-started'))
    // Get started has its own frame (it is open signed out too): wait for it to be drawn.
    await screen.findByRole('heading', { name: 'Get started', level: 1 })
    expect(within(screen.getByRole('combobox', { name: 'Zone' })).queryByRole('option', { name: 'All zones' })).toBeNull()
  })

  it('moves focus to the page after navigating from the menu', async () => {
    renderRoutes(<AppRoutes />, '/instances?zone=fr-par-1')
    await screen.findByText('No instances in fr-par-1')
    await userEvent.click(screen.getByRole('link', { name: 'Flexible IPs' }))
    await screen.findByRole('heading', { name: 'Flexible IPs' })
    expect(screen.getByRole('main')).toHaveFocus()
  })

  it('an error in one route shows an error panel, not a blank page', async () => {
    function Boom(): never {
      throw new Error('render exploded')
    }
    vi.spyOn(console, 'error').mockImplementation(() => {})
    renderRoutes([{ element: <AppShell />, children: [{ path: '/boom', element: <RouteBoundary><Boom /></RouteBoundary> }] }], '/boom')
    expect(await screen.findByRole('heading', { name: 'This page failed to load' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('render exploded')
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()
  })
})
