import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { SESSION_STORAGE_KEY } from '@/features/session/credentials'
import { sessionQueries } from '@/features/session'
import { stubFetch } from '@/test/fetch-stub'
import { jsonResponse, renderRoutes } from '@/test/render'
import { AppRoutes } from './router'

const fetchMock = stubFetch()
const ACCESS = 'SCWDEMOADMIN00000001'
const SECRET = '11111111-1111-4111-8111-111111111111'
const PROJECT = '105bdce1-64c0-48ab-899d-868455867ecf'
const KEY = { access_key: ACCESS, secret_key: null, description: '', created_at: '2026-01-05T09:00:00Z', updated_at: '2026-01-05T09:00:00Z', expires_at: null, default_project_id: PROJECT, editable: true, deletable: true, managed: false, creation_ip: '', user_id: 'd70697ac-785c-41ac-b690-10f395972c8c' }

function answer(iam: () => Response) {
  fetchMock.mockImplementation(async (request) => {
    const path = new URL(request.url).pathname
    if (path.startsWith('/api/iam/')) return iam()
    if (path === `/api/account/v3/projects/${PROJECT}`) return jsonResponse(200, { id: PROJECT, name: 'default', organization_id: PROJECT, description: '', created_at: '2026-01-05T09:00:00Z', updated_at: '2026-01-05T09:00:00Z' })
    return jsonResponse(200, { servers: [], ips: [] }, { 'X-Total-Count': '0' })
  })
}

const step = (name: string) => screen.getByRole('region', { name })

async function pasteAndTest(accessKey: string, secretKey: string) {
  const user = userEvent.setup()
  await user.type(within(step('Paste it')).getByLabelText('Access key'), accessKey)
  await user.type(within(step('Paste it')).getByLabelText('Secret key'), secretKey)
  await user.click(within(step('Test it')).getByRole('button', { name: 'Test it' }))
  return user
}

// Lazy routes and the whole walkthrough: room for a slow shared machine.
describe('Get started', { timeout: 40_000 }, () => {
  it('signed out: tests the pasted key, then signs in with it and keeps the steps', async () => {
    answer(() => jsonResponse(200, KEY))
    const { queryClient } = renderRoutes(<AppRoutes />, '/get-started')
    expect(await screen.findByRole('heading', { name: 'Get started', level: 1 }, { timeout: 10_000 })).toBeInTheDocument()
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Sign in' })).toBeInTheDocument()
    expect(fetchMock).not.toHaveBeenCalled()

    const user = await pasteAndTest(ACCESS, SECRET)
    expect(await within(step('Test it')).findByText(/^HTTP 200 · \d+ ms$/)).toBeInTheDocument()
    const [request] = fetchMock.mock.calls[0]!
    expect(new URL(request.url).pathname).toBe(`/api/iam/v1alpha1/api-keys/${ACCESS}`)
    expect(request.headers.get('X-Auth-Token')).toBe(SECRET)
    expect(request.url).not.toContain(SECRET)
    expect(await within(step('Test it')).findByText(/Account API, project “default”/)).toBeInTheDocument()
    expect(within(step('Use it')).getByText(/export SCW_SECRET_KEY=11111111-xxxx-xxxx-xxxx-xxxxxxxxxxxx/)).toBeInTheDocument()
    // Neither as text nor as the secret field's value attribute.
    expect(document.body.innerHTML).not.toContain(SECRET)
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()

    const calls = fetchMock.mock.calls.length
    await user.click(within(step('Next')).getByRole('button', { name: 'Sign in with this key' }))
    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument()
    expect(JSON.parse(window.sessionStorage.getItem(SESSION_STORAGE_KEY) ?? '{}')).toEqual({ accessKey: ACCESS, secretKey: SECRET })
    expect(queryClient.getQueryData(sessionQueries.currentKeyKey(ACCESS))).toMatchObject({ kind: 'verified' })
    // The shell changed around the page; the walkthrough kept its state (and the secret field its value).
    expect(within(step('Next')).getByText('Done')).toBeInTheDocument()
    expect(within(step('Test it')).getByText(/^HTTP 200 · \d+ ms$/)).toBeInTheDocument()
    expect(within(step('Paste it')).getByLabelText('Secret key')).toHaveValue(SECRET)
    expect(within(step('Next')).getByRole('link', { name: 'Instances in fr-par-1' })).toHaveAttribute('href', '/instances?zone=fr-par-1')
    await waitFor(() => expect(fetchMock.mock.calls.slice(calls).filter(([r]) => r.url.includes('/iam/'))).toEqual([]))
  })

  it('explains an expired key, marks the test failed and offers no sign-in', async () => {
    answer(() => jsonResponse(401, { message: 'authentication is denied', method: 'api_key', reason: 'expired', type: 'denied_authentication' }))
    renderRoutes(<AppRoutes />, '/get-started')
    await screen.findByRole('heading', { name: 'Get started', level: 1 }, { timeout: 10_000 })
    await pasteAndTest(ACCESS, SECRET)
    expect(await within(step('Test it')).findByText('This key has expired')).toBeInTheDocument()
    expect(within(step('Test it')).getByText('Failed')).toBeInTheDocument()
    expect(within(step('Test it')).getByRole('link', { name: 'What HTTP 401 means' })).toHaveAttribute('href', '/get-started#status-401')
    expect(within(step('Next')).getByRole('button', { name: 'Sign in with this key' })).toBeDisabled()
  })

  it('checks the format live, with the sign-in rules, and sends nothing for a malformed key', async () => {
    renderRoutes(<AppRoutes />, '/get-started')
    await screen.findByRole('heading', { name: 'Get started', level: 1 }, { timeout: 10_000 })
    await pasteAndTest('SCW-nope', 'not-a-uuid')
    expect(within(step('Paste it')).getByText(/Access key must start with SCW followed by 17 letters or digits/)).toBeInTheDocument()
    expect(within(step('Paste it')).getByText(/Secret key must be a UUID/)).toBeInTheDocument()
    expect(within(step('Paste it')).getByText('Failed')).toBeInTheDocument()
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
