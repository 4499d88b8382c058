import { Errors } from '@scaleway/sdk-client'

/**
 * How long a 429 asks us to wait. Real rate-limit answers often come with an empty body
 * and no content type (the SDK then has nothing typed to read), so the transport notes
 * the `Retry-After` header of every 429 here; a JSON body's own hint (`reset_seconds`,
 * `reset_at`, read by the SDK into TooManyRequestsError) wins when there is one.
 */
const MAX_WAIT_MS = 60_000

let notBefore = 0

/** `Retry-After: 7` or `Retry-After: Wed, 25 Nov 2026 12:00:07 GMT`, in ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/** Called by the transport with every response. */
export function noteResponse(response: Pick<Response, 'status' | 'headers'>, now = Date.now()): void {
  if (response.status !== 429) return
  const wait = parseRetryAfter(response.headers.get('retry-after'), now)
  if (wait !== null) notBefore = Math.max(notBefore, now + Math.min(wait, MAX_WAIT_MS))
}

export const isRateLimited = (error: unknown) => error instanceof Errors.ScalewayError && error.status === 429

/** The wait a rate-limited answer asked for (body hint first, then Retry-After), capped at a minute; null when it said nothing. */
export function rateLimitWaitMs(error: unknown, now = Date.now()): number | null {
  if (error instanceof Errors.TooManyRequestsError) {
    if (error.resetSeconds !== undefined) return Math.min(error.resetSeconds * 1000, MAX_WAIT_MS)
    if (error.resetAt) return Math.min(Math.max(0, error.resetAt.getTime() - now), MAX_WAIT_MS)
  }
  return notBefore > now ? notBefore - now : null
}

/** For tests: forget what earlier answers asked. */
export function resetRateLimit(): void {
  notBefore = 0
}
