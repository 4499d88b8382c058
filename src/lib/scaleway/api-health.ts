import { onlineManager, type QueryClient } from '@tanstack/react-query'
import { apiURL } from './client'
import { isNetworkError } from './errors'

/**
 * Is the Scaleway API reachable? One app-wide answer, so a dead API shows one banner
 * rather than an error panel per list. When a request gets no answer (fetch rejected,
 * or the /api proxy answered 502/504 without a Scaleway body) and the probe gets none
 * either (one zone's failure is that zone's, not the API's), React Query is told the
 * app is offline: queries pause instead of failing, retries stop hammering. A light
 * probe then asks the API every few seconds, without the key; the first answer (any
 * Scaleway answer, even a 401) brings everything back by itself.
 */
export type ApiHealth = 'up' | 'down'

/** The probe: an unauthenticated GET that any live Scaleway API answers (401), cheap and secret-free. */
export const PROBE_PATH = '/account/v3/projects?page_size=1'
export const PROBE_EVERY_MS = 3_000

let health: ApiHealth = 'up'
const listeners = new Set<() => void>()
/** Probes at once (the banner's "Check now"), when a watcher runs and the API is down. */
let checkNow: (() => void) | null = null
export const checkApiNow = () => checkNow?.()

export const getApiHealth = (): ApiHealth => health
export function subscribeApiHealth(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function setHealth(next: ApiHealth) {
  if (next === health) return
  health = next
  listeners.forEach((listener) => listener())
}

/** Whether an answer came from Scaleway (or the emulator), rather than from a proxy that could not reach it. */
export async function probeApi(fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): Promise<boolean> {
  try {
    const response = await fetchImpl(`${apiURL()}${PROBE_PATH}`, { credentials: 'omit', cache: 'no-store', redirect: 'error' })
    const fromScaleway = (response.headers.get('content-type') ?? '').includes('json')
    return fromScaleway || (response.status !== 502 && response.status !== 503 && response.status !== 504)
  } catch {
    return false
  }
}

interface WatchOptions {
  probe?: () => Promise<boolean>
  everyMs?: number
}

/**
 * Follows every query and mutation of `queryClient`: the first "no answer" marks the API
 * down and starts the probe; the probe's first success marks it up, resumes paused work
 * and reads again what failed meanwhile. Returns a function that stops watching.
 */
export function watchApiHealth(queryClient: QueryClient, { probe = probeApi, everyMs = PROBE_EVERY_MS }: WatchOptions = {}) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const check = async () => {
    clearTimeout(timer)
    if (stopped || health === 'up') return
    const reachable = await probe()
    // The state may have moved while the probe ran (stopped, or recovered by "Check now").
    if (stopped || getApiHealth() === 'up') return
    if (reachable) recovered()
    else schedule()
  }
  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void check(), everyMs)
  }
  checkNow = () => void check()

  // One endpoint's "no answer" (a zone's gateway) is not the API being down: ask the probe
  // first, and go offline only when it gets no answer either.
  let suspecting = false
  const suspect = async () => {
    if (health === 'down' || suspecting) return
    suspecting = true
    const reachable = await probe()
    suspecting = false
    if (stopped || reachable || getApiHealth() === 'down') return
    setHealth('down')
    onlineManager.setOnline(false)
    schedule()
  }

  const recovered = () => {
    setHealth('up')
    onlineManager.setOnline(true)
    void queryClient.resumePausedMutations()
    // Queries that gave up before the pause (or whose last try failed) are read again.
    void queryClient.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' && isNetworkError(query.state.error) })
  }

  // React Query's own listener would set "online" on the browser's `online` event even while the
  // API is down; this one combines both.
  onlineManager.setEventListener((setOnline) => {
    const update = () => setOnline(navigator.onLine && health === 'up')
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  })

  const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return
    const { action } = event
    if ((action.type === 'failed' || action.type === 'error') && isNetworkError(action.error)) void suspect()
  })
  const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error' && isNetworkError(event.action.error)) void suspect()
  })

  return () => {
    stopped = true
    checkNow = null
    clearTimeout(timer)
    unsubscribeQueries()
    unsubscribeMutations()
    if (health === 'down') {
      setHealth('up')
      onlineManager.setOnline(true)
    }
  }
}
