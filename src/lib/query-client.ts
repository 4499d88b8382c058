import { Errors } from '@scaleway/sdk-client'
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isRetryable } from './scaleway/errors'

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
  const limit = error instanceof Errors.ScalewayError && error.status === 429 ? MAX_RATE_LIMIT_RETRIES : MAX_RETRIES
  return failureCount < limit && isRetryable(error)
}

export const retryDelay = (attempt: number) => Math.min(500 * 2 ** attempt, 8_000)

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
      mutations: { retry: false },
    },
  })
}
