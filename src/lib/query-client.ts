import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isRetryable } from './scaleway/errors'
import { isRateLimited, rateLimitWaitMs } from './scaleway/rate-limit'

declare module '@tanstack/react-query' {
  interface Register {
    // The SDK throws ScalewayError (an Error) or the browser's TypeError.
    defaultError: Error
  }
}

const MAX_RETRIES = 3
/** A rate limit passes: wait longer for it than for a failure (about 30 s in all). */
const MAX_RATE_LIMIT_RETRIES = 6

/** Network errors, 5xx and 429 retry with backoff; any other 4xx never does. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const limit = isRateLimited(error) ? MAX_RATE_LIMIT_RETRIES : MAX_RETRIES
  return failureCount < limit && isRetryable(error)
}

/** Backoff, unless a 429 said how long to wait (Retry-After, or the body's reset hint). */
export function retryDelay(attempt: number, error?: unknown): number {
  const asked = isRateLimited(error) ? rateLimitWaitMs(error) : null
  return asked ?? Math.min(500 * 2 ** attempt, 8_000)
}

/** A write is never sent twice, except after a 429 (it was refused before doing anything). */
export function shouldRetryMutation(failureCount: number, error: unknown): boolean {
  return isRateLimited(error) && failureCount < MAX_RATE_LIMIT_RETRIES
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: true,
      },
      // Writes are never held while the API is unreachable (to be sent minutes later): they fail
      // at once and say so in their dialog.
      mutations: { retry: shouldRetryMutation, retryDelay, networkMode: 'always' },
    },
  })
}
