import type { Client } from '@scaleway/sdk-client'
import { useQueryClient } from '@tanstack/react-query'
import { createContext, use, useCallback, useMemo, useSyncExternalStore, type ReactNode } from 'react'
import { createScalewayClient, type Credentials } from '@/lib/scaleway/client'
import { clearCredentials, readCredentials, saveCredentials, subscribeCredentials } from './credentials'

interface SessionValue {
  /** The signed-in access key (public), or null when signed out. */
  accessKey: string | null
  client: Client | null
  signIn: (credentials: Credentials) => void
  signOut: () => void
}

const SessionContext = createContext<SessionValue | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const credentials = useSyncExternalStore(subscribeCredentials, readCredentials, () => null)
  const client = useMemo(() => (credentials ? createScalewayClient(credentials) : null), [credentials])

  const signIn = useCallback(
    (next: Credentials) => {
      queryClient.clear()
      saveCredentials(next)
    },
    [queryClient],
  )
  const signOut = useCallback(() => {
    clearCredentials()
    // Cancel in-flight requests too, so nothing fetched with the old key lands in the new cache.
    void queryClient.cancelQueries()
    queryClient.clear()
  }, [queryClient])

  const value = useMemo<SessionValue>(
    () => ({ accessKey: credentials?.accessKey ?? null, client, signIn, signOut }),
    [credentials, client, signIn, signOut],
  )
  return <SessionContext value={value}>{children}</SessionContext>
}

export function useSession(): SessionValue {
  const value = use(SessionContext)
  if (!value) throw new Error('useSession must be used inside <SessionProvider>')
  return value
}

/** The SDK client of the signed-in session; only for routes behind <RequireSession>. */
export function useScalewayClient(): Client {
  const { client } = useSession()
  if (!client) throw new Error('No session: this route must be wrapped in <RequireSession>')
  return client
}
