import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { stubFetch } from '@/test/fetch-stub'
import { jsonResponse, renderRoutes } from '@/test/render'
import { SESSION_STORAGE_KEY } from './credentials'
import { RequireSession } from './require-session'
import { SignInPage } from './sign-in-page'

const ACCESS = 'SCWDEMOADMIN00000001'
const SECRET = '11111111-1111-4111-8111-111111111111'

// Sign-in retries like a query; no backoff delay in unit tests.
vi.mock('@/lib/query-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/query-client')>()),
  retryDelay: () => 0,
}))

const fetchMock = stubFetch()

function renderSignIn(initial = '/instances?zone=fr-par-2') {
  return renderRoutes(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { element: <RequireSession />, children: [{ path: '/instances', element: <p>instances page</p> }] },
    ],
    initial,
  )
}

async function fillAndSubmit(accessKey: string, secretKey: string) {
  const user = userEvent.setup()
  await user.type(screen.getByLabelText('Access key'), accessKey)
  await user.type(screen.getByLabelText('Secret key'), secretKey)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('sign-in', () => {
  it('rejects a malformed access key before any request', async () => {
    renderSignIn()
    await fillAndSubmit('SCW-nope', SECRET)
    expect(await screen.findByRole('alert')).toHaveTextContent('Access key must start with SCW followed by 17 letters or digits')
    expect(fetchMock).not.toHaveBeenCalled()
    expect(screen.getByLabelText('Access key')).toHaveValue('SCW-nope')
  })

  it('verifies with IAM, stores the key in sessionStorage and returns to the page asked for', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, { access_key: ACCESS, secret_key: null, description: 'demo', created_at: '2026-01-05T00:00:00Z', updated_at: '2026-01-05T00:00:00Z', expires_at: null, default_project_id: 'p', editable: true, deletable: true, managed: false, creation_ip: '', user_id: 'u' }),
    )
    const { router } = renderSignIn()
    await fillAndSubmit(ACCESS, SECRET)
    await waitFor(() => expect(router.state.location.pathname).toBe('/instances'))
    expect(router.state.location.search).toBe('?zone=fr-par-2')

    const request = fetchMock.mock.calls[0][0]
    expect(request.method).toBe('GET')
    expect(new URL(request.url).pathname).toBe(`/api/iam/v1alpha1/api-keys/${ACCESS}`)
    expect(request.url).not.toContain(SECRET)
    expect(request.headers.get('X-Auth-Token')).toBe(SECRET)
    expect(JSON.parse(window.sessionStorage.getItem(SESSION_STORAGE_KEY) ?? '{}')).toEqual({ accessKey: ACCESS, secretKey: SECRET })
    expect(window.localStorage.length).toBe(0)
  })

  it('says an expired key has expired, keeps the form and stores nothing', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(401, { message: 'authentication is denied', method: 'api_key', reason: 'expired', type: 'denied_authentication' }),
    )
    renderSignIn()
    await fillAndSubmit(ACCESS, SECRET)
    expect(await screen.findByRole('alert')).toHaveTextContent('has expired')
    expect(screen.getByLabelText('Access key')).toHaveValue(ACCESS)
    expect(screen.getByLabelText('Secret key')).toHaveValue(SECRET)
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()
    // Neither as text nor as a `value="…"` attribute.
    expect(document.body.innerHTML).not.toContain(SECRET)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('says a secret that authenticates but an access key IAM does not know was not accepted', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(404, { message: 'resource is not found', resource: 'access_key', resource_id: 'SCWDEMOADMIN00000009', type: 'not_found' }),
    )
    renderSignIn()
    await fillAndSubmit('SCWDEMOADMIN00000009', SECRET)
    expect(await screen.findByRole('alert')).toHaveTextContent('was not accepted: Scaleway knows no access key SCWDEMOADMIN00000009')
  })

  it('retries a network failure before saying the API could not be reached', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    renderSignIn()
    await fillAndSubmit(ACCESS, SECRET)
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the Scaleway API')
    expect(fetchMock).toHaveBeenCalledTimes(4)
  })

  it('moves focus to the first invalid field', async () => {
    renderSignIn()
    await fillAndSubmit(ACCESS, 'nope')
    expect(screen.getByLabelText('Secret key')).toHaveFocus()
  })

  it('signs in a working key that may not read IAM (403)', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(403, { details: [{ action: 'read', resource: 'api_key' }], message: 'insufficient permissions', type: 'permissions_denied' }),
    )
    const { router } = renderSignIn()
    await fillAndSubmit(ACCESS, SECRET)
    await waitFor(() => expect(router.state.location.pathname).toBe('/instances'))
  })
})
