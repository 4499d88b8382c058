import { Errors } from '@scaleway/sdk-client'
import { onlineManager, QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getApiHealth, probeApi, watchApiHealth } from './api-health'
import { NetworkError } from './client'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('API health', () => {
  let stop: () => void = () => {}
  afterEach(() => {
    stop()
    vi.useRealTimers()
  })

  it('a query that gets no answer marks the API down and pauses queries; the first probe answer brings them back', async () => {
    vi.useFakeTimers()
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    let up = false
    const probe = vi.fn(async () => up)
    stop = watchApiHealth(queryClient, { probe, everyMs: 1_000 })
    let calls = 0
    // A list on screen: an active query (an observer), as the pages have.
    const observer = new QueryObserver(queryClient, {
      queryKey: ['servers'],
      queryFn: async () => {
        calls++
        if (calls === 1) throw new NetworkError('no answer')
        return 'servers'
      },
    })
    const unsubscribe = observer.subscribe(() => {})
    await vi.advanceTimersByTimeAsync(0)
    expect(observer.getCurrentResult().isError).toBe(true)
    expect(getApiHealth()).toBe('down')
    expect(onlineManager.isOnline()).toBe(false)

    // The probe ran at once (is it the API, or one endpoint?), then every second.
    await vi.advanceTimersByTimeAsync(3_000)
    expect(probe).toHaveBeenCalledTimes(4)
    expect(getApiHealth()).toBe('down')

    up = true
    await vi.advanceTimersByTimeAsync(1_000)
    expect(getApiHealth()).toBe('up')
    expect(onlineManager.isOnline()).toBe(true)
    // The query that failed meanwhile is read again, by itself.
    await vi.advanceTimersByTimeAsync(0)
    expect(calls).toBe(2)
    expect(queryClient.getQueryData(['servers'])).toBe('servers')
    unsubscribe()
  })

  it("one endpoint's 502 while the probe gets an answer is that endpoint's failure, not the API's", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const probe = vi.fn(async () => true)
    stop = watchApiHealth(queryClient, { probe })
    await queryClient.fetchQuery({ queryKey: ['zone'], queryFn: () => Promise.reject(new Errors.ScalewayError(502, '')) }).catch(() => {})
    await flush()
    expect(probe).toHaveBeenCalledTimes(1)
    expect(getApiHealth()).toBe('up')
    expect(onlineManager.isOnline()).toBe(true)
  })

  it('an API error (a 500 with a Scaleway body, a 403) is an answer: the API is up', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    stop = watchApiHealth(queryClient, { probe: async () => true })
    await queryClient.fetchQuery({ queryKey: ['x'], queryFn: () => Promise.reject(new Errors.ScalewayError(500, { message: 'internal error' })) }).catch(() => {})
    await flush()
    expect(getApiHealth()).toBe('up')
  })

  it('the probe sends no key, and tells a proxy with no upstream (502, no body) from Scaleway answering', async () => {
    const fetchMock = vi.fn<typeof fetch>()
    fetchMock.mockResolvedValueOnce(new Response('', { status: 502, headers: { 'Content-Type': 'text/plain' } }))
    expect(await probeApi(fetchMock)).toBe(false)
    fetchMock.mockResolvedValueOnce(new Response('{"type":"denied_authentication"}', { status: 401, headers: { 'Content-Type': 'application/json' } }))
    expect(await probeApi(fetchMock)).toBe(true)
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    expect(await probeApi(fetchMock)).toBe(false)
    for (const [url, init] of fetchMock.mock.calls) {
      expect(String(url)).toMatch(/\/api\/account\/v3\/projects\?page_size=1$/)
      expect(new Headers(init?.headers).has('X-Auth-Token')).toBe(false)
      expect(init?.credentials).toBe('omit')
    }
  })
})
