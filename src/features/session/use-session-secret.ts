import { useSyncExternalStore } from 'react'
import { readCredentials, subscribeCredentials } from './credentials'

/**
 * The signed-in secret key, for the few places that show it masked (with an explicit reveal) or put it on the
 * clipboard. Read from this tab's session, the same store the session provider reads; null when signed out.
 */
export function useSessionSecret(): string | null {
  return useSyncExternalStore(subscribeCredentials, readCredentials, () => null)?.secretKey ?? null
}
