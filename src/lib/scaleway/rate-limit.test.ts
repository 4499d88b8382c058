import { Errors } from '@scaleway/sdk-client'
import { afterEach, describe, expect, it } from 'vitest'
import { retryDelay, shouldRetryMutation } from '../query-client'
import { noteResponse, parseRetryAfter, rateLimitWaitMs, resetRateLimit } from './rate-limit'

const NOW = Date.UTC(2026, 10, 25, 12)
const empty429 = new Errors.ScalewayError(429, '')

describe('rate limits', () => {
  afterEach(resetRateLimit)

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7_000)
    expect(parseRetryAfter(new Date(NOW + 3_000).toUTCString(), NOW)).toBe(3_000)
    expect(parseRetryAfter(null, NOW)).toBeNull()
    expect(parseRetryAfter('soon', NOW)).toBeNull()
  })

  it('a 429 with an empty body waits for its Retry-After, else backs off', () => {
    expect(retryDelay(1, empty429)).toBe(1_000)
    noteResponse({ status: 429, headers: new Headers({ 'Retry-After': '5' }) })
    const delay = retryDelay(1, empty429)
    expect(delay).toBeGreaterThan(4_000)
    expect(delay).toBeLessThanOrEqual(5_000)
    // Other failures keep their backoff.
    expect(retryDelay(1, new Errors.ScalewayError(503, ''))).toBe(1_000)
  })

  it("a typed 429's reset hint wins", () => {
    const typed = Errors.TooManyRequestsError.fromJSON(429, { help_message: 'slow down', reset_seconds: 2, message: 'too many requests', type: 'too_many_requests' })
    expect(rateLimitWaitMs(typed, NOW)).toBe(2_000)
  })

  it('writes are never retried except after a 429', () => {
    expect(shouldRetryMutation(1, empty429)).toBe(true)
    expect(shouldRetryMutation(1, new Errors.ScalewayError(500, ''))).toBe(false)
    expect(shouldRetryMutation(1, new TypeError('no answer'))).toBe(false)
  })
})
