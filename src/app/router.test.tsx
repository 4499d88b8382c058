import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { saveCredentials } from '@/features/session/credentials'
import { ADMIN_CREDENTIALS, stubFetch } from '@/test/fetch-stub'
import { jsonResponse, renderRoutes } from '@/test/render'
import { AppRoutes } from './router'

// Which chunks the routes asked for, and a gate holding the shell's back.
const chunks = vi.hoisted(() => {
  let open = () => {}
  const shellGate = new Promise<void>((resolve) => (open = resolve))
  return { loaded: vi.fn<(name: string) => void>(), shellGate, openShell: () => open() }
})

vi.mock('./app-shell', async (importOriginal) => {
  chunks.loaded('shell')
  await chunks.shellGate
  return importOriginal()
})
vi.mock('@/features/instances/instances-page', async (importOriginal) => {
  chunks.loaded('instances')
  return importOriginal()
})
vi.mock('@/features/api-key/api-key-page', () => {
  chunks.loaded('api-key')
  throw new Error('Failed to fetch dynamically imported module')
})

const fetchMock = stubFetch()

// In this order: modules load once per file.
describe('routes', () => {
  it('a signed-out bookmark goes to the sign-in page without downloading the page or the shell', async () => {
    const { router } = renderRoutes(<AppRoutes />, '/instances?zone=fr-par-2')
    expect(await screen.findByLabelText('Access key')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(chunks.loaded).not.toHaveBeenCalled()
  })

  it('signed in, the page downloads alongside the shell, not after it', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, { servers: [] }, { 'X-Total-Count': '0' }))
    saveCredentials(ADMIN_CREDENTIALS)
    renderRoutes(<AppRoutes />, '/instances?zone=fr-par-1')
    // The shell is still on its way: the page's chunk was asked for all the same.
    await waitFor(() => expect(chunks.loaded.mock.calls.map(([name]) => name).sort()).toEqual(['instances', 'shell']))
    expect(screen.getByRole('status')).toHaveTextContent('Loading…')
    chunks.openShell()
    expect(await screen.findByText('No instances in fr-par-1', {}, { timeout: 5_000 })).toBeInTheDocument()
  })

  it('a page whose chunk fails to load shows the route error panel inside the shell; the next page works', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    fetchMock.mockImplementation(async () => jsonResponse(200, { servers: [], ips: [] }, { 'X-Total-Count': '0' }))
    saveCredentials(ADMIN_CREDENTIALS)
    renderRoutes(<AppRoutes />, '/api-key')
    expect(await screen.findByRole('heading', { name: 'This page failed to load' }, { timeout: 5_000 })).toBeInTheDocument()
    // What failed (vitest wraps the import's error in its own), and the way out.
    expect(screen.getByRole('alert')).toHaveTextContent(/^Something went wrong.*Try again$/)
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument()

    const banner = screen.getByRole('banner')
    await userEvent.click(screen.getByRole('link', { name: 'Flexible IPs' }))
    expect(await screen.findByRole('heading', { name: 'Flexible IPs' }, { timeout: 5_000 })).toBeInTheDocument()
    // The shell stayed while the page's chunk downloaded: the same header, not a new one.
    expect(screen.getByRole('banner')).toBe(banner)
    expect(screen.queryByRole('heading', { name: 'This page failed to load' })).toBeNull()
  })
})
