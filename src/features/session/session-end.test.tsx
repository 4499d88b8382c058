import { useQuery } from '@tanstack/react-query'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { stubFetch } from '@/test/fetch-stub'
import { jsonResponse, renderRoutes } from '@/test/render'
import { SESSION_STORAGE_KEY } from './credentials'
import { RequireSession } from './require-session'
import { readSessionEnd, sessionEndFor } from './session-end'
import { useScalewayClient } from './session-provider'
import { SignInPage } from './sign-in-page'
import { Errors } from '@scaleway/sdk-client'

vi.mock('@/lib/query-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/query-client')>()),
  retryDelay: () => 0,
}))

const SECRET = '11111111-1111-4111-8111-111111111111'

/** A page that reads the key's own record: what any API call does. */
function Protected() {
  const client = useScalewayClient()
  const { data } = useQuery({
    queryKey: ['probe'],
    queryFn: () => client.fetch({ method: 'GET', path: '/iam/v1alpha1/api-keys/SCWDEMOADMIN00000001' }),
  })
  return <p>protected page {data ? 'loaded' : ''}</p>
}

function renderSignedIn(initial: string) {
  return renderRoutes(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { element: <RequireSession />, children: [{ path: '/instances', element: <Protected /> }] },
    ],
    initial,
  )
}

describe('a 401 mid-session', () => {
  const fetchMock = stubFetch({ signedIn: true })

  it('ends the session: the secret and the cache are gone, the sign-in page says "expired" and shows where it leads back', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(401, { message: 'authentication is denied', method: 'api_key', reason: 'expired', type: 'denied_authentication' }),
    )
    const { router, queryClient } = renderSignedIn('/instances?zone=fr-par-2')
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull()
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0)
    expect(await screen.findByRole('alert')).toHaveTextContent('Your API key expired')
    expect(screen.getByRole('alert')).toHaveTextContent('/instances?zone=fr-par-2')
    expect(readSessionEnd()).toEqual({ reason: 'expired', detail: 'expired' })
  })

  it('a key Scaleway no longer knows is "not accepted", with its reason', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(401, { message: 'authentication is denied', method: 'api_key', reason: 'not_found', type: 'denied_authentication' }),
    )
    renderSignedIn('/instances')
    expect(await screen.findByRole('alert')).toHaveTextContent('Key not accepted')
    expect(screen.getByRole('alert')).toHaveTextContent('(not_found)')
  })

  it('a 403 does not end the session', async () => {
    fetchMock.mockResolvedValue(jsonResponse(403, { message: 'insufficient permissions', type: 'permissions_denied', details: [] }))
    const { router } = renderSignedIn('/instances')
    expect(await screen.findByText(/protected page/)).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(router.state.location.pathname).toBe('/instances')
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).not.toBeNull()
  })
})

describe('a failed sign-in', () => {
  const fetchMock = stubFetch()

  it('keeps the secret out of the mutation cache while the error is shown', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(401, { message: 'authentication is denied', method: 'api_key', reason: 'invalid_argument', type: 'denied_authentication' }),
    )
    const { queryClient } = renderRoutes([{ path: '/sign-in', element: <SignInPage /> }], '/sign-in')
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Access key'), 'SCWDEMOADMIN00000001')
    await user.type(screen.getByLabelText('Secret key'), SECRET)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toBeInTheDocument()
    const mutations = queryClient.getMutationCache().getAll()
    expect(mutations.length).toBeGreaterThan(0)
    expect(JSON.stringify(mutations.map((m) => m.state))).not.toContain(SECRET)
  })
})

describe('sessionEndFor', () => {
  it('only a 401 ends a session', () => {
    expect(sessionEndFor(new Errors.DeniedAuthenticationError(401, {}, 'api_key', 'expired'))).toEqual({ reason: 'expired', detail: 'expired' })
    expect(sessionEndFor(new Errors.ScalewayError(401, ''))).toEqual({ reason: 'rejected', detail: undefined })
    expect(sessionEndFor(new Errors.ScalewayError(403, ''))).toBeNull()
    expect(sessionEndFor(new Error('boom'))).toBeNull()
  })
})
