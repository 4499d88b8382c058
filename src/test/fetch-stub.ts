import { afterEach, beforeEach, vi } from 'vitest'
import { saveCredentials } from '@/features/session/credentials'

/** The admin demo key, as a signed-in tab holds it. */
export const ADMIN_CREDENTIALS = { accessKey: 'SCWDEMOADMIN00000001', secretKey: '11111111-1111-4111-8111-111111111111' }

/**
 * Replaces `fetch` (what the SDK calls) with a mock for every test of the file, reset
 * before each; `signedIn` also puts the admin key in sessionStorage. Returns the mock.
 */
export function stubFetch({ signedIn = false } = {}) {
  const fetchMock = vi.fn<(input: Request) => Promise<Response>>()
  beforeEach(() => {
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
    if (signedIn) saveCredentials(ADMIN_CREDENTIALS)
  })
  afterEach(() => vi.unstubAllGlobals())
  return fetchMock
}
