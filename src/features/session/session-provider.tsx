import type { Client } from '@scaleway/sdk-client'
import { useQueryClient } from '@tanstack/react-query'
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import { createScalewayClient, type Credentials } from '@/lib/scaleway/client'
import { clearCredentials, readCredentials, saveCredentials, subscribeCredentials } from './credentials'
import { mayBeCopiedTab, openSessionChannel, TAB_CHECK_MS, type SessionChannel } from './session-channel'
import { forgetSessionEnd, rememberSessionEnd, sessionEndFor, type SessionEnd, type SignOutReason } from './session-end'

interface SessionValue {
  /** The signed-in access key (public), or null when signed out. */
  accessKey: string | null
  client: Client | null
  /** A tab that may have been copied from another waits a moment before it uses a stored key (session-channel.ts). */
  checking: boolean
  signIn: (credentials: Credentials) => void
  /** Forgets the secret and every cached answer, in this tab and every other tab of the console. */
  signOut: (reason?: SignOutReason) => void
}

const SessionContext = createContext<SessionValue | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const credentials = useSyncExternalStore(subscribeCredentials, readCredentials, () => null)
  const [checking, setChecking] = useState(() => readCredentials() !== null && mayBeCopiedTab())
  const client = useMemo(() => (credentials && !checking ? createScalewayClient(credentials) : null), [credentials, checking])
  const channel = useRef<SessionChannel | null>(null)

  /** Ends the session here; `announce` tells the other tabs to do the same. */
  const end = useCallback(
    (sessionEnd: SessionEnd, announce: boolean) => {
      rememberSessionEnd(sessionEnd)
      clearCredentials()
      // Cancel in-flight requests too, so nothing fetched with the old key lands in the new cache.
      void queryClient.cancelQueries()
      queryClient.clear()
      if (announce) channel.current?.announceSignOut(sessionEnd.reason)
    },
    [queryClient],
  )

  useEffect(() => {
    const opened = openSessionChannel({
      // This tab says where it came from, and why the other one ended (an expired key, say).
      onSignedOutElsewhere: (reason) => {
        if (readCredentials()) end({ reason: 'other-tab', detail: reason }, false)
      },
      onCopiedTab: () => {
        if (readCredentials()) end({ reason: 'copied-tab' }, false)
        setChecking(false)
      },
    })
    channel.current = opened
    const timer = setTimeout(() => setChecking(false), TAB_CHECK_MS)
    return () => {
      clearTimeout(timer)
      opened.close()
      channel.current = null
    }
  }, [end])

  // A 401 on any query or mutation while signed in: the key expired or was revoked.
  useEffect(() => {
    const onError = (error: unknown) => {
      const sessionEnd = sessionEndFor(error)
      if (sessionEnd && readCredentials()) end(sessionEnd, true)
    }
    // Only for what is still in the cache: a request of a previous session (cleared on sign-in
    // and sign-out) that answers 401 late must not end the session that followed.
    const queries = queryClient.getQueryCache()
    const mutations = queryClient.getMutationCache()
    const unsubscribeQueries = queries.subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && queries.get(event.query.queryHash) === event.query) {
        onError(event.action.error)
      }
    })
    const unsubscribeMutations = mutations.subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && event.mutation && mutations.getAll().includes(event.mutation)) {
        onError(event.action.error)
      }
    })
    return () => {
      unsubscribeQueries()
      unsubscribeMutations()
    }
  }, [queryClient, end])

  const signIn = useCallback(
    (next: Credentials) => {
      queryClient.clear()
      forgetSessionEnd()
      saveCredentials(next)
      setChecking(false)
    },
    [queryClient],
  )
  const signOut = useCallback((reason: SignOutReason = 'signed-out') => end({ reason }, true), [end])

  const value = useMemo<SessionValue>(
    () => ({ accessKey: checking ? null : (credentials?.accessKey ?? null), client, checking, signIn, signOut }),
    [credentials, client, checking, signIn, signOut],
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
