import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isRetryable } from './scaleway/errors'

declare module '@tanstack/react-query' {
  interface Register {
    // The SDK throws ScalewayError (an Error) or the browser's TypeError.
    defaultError: Error
  }
}

const MAX_RETRIES = 3

/** Network errors, 5xx and 429 retry with backoff; any other 4xx never does. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isRetryable(error)
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
