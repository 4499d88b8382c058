import type { Client } from '@scaleway/sdk-client'
import type { QueryClient } from '@tanstack/react-query'
import { type ComponentType, createElement } from 'react'

/** What a page needs to ask for its data before it renders. */
export interface PrefetchContext {
  queryClient: QueryClient
  client: Client
}

export interface LazyPage {
  (): ReturnType<typeof createElement>
  displayName?: string
  /** Starts downloading the chunk without rendering it (one download however often it is called). */
  preload: () => Promise<unknown>
  /** Loaded, or failed to: rendering it now does not wait (a failure throws to the route's error boundary). */
  settled: () => boolean
  /** Once loaded: asks for the page's data (its own query options, so the page finds the requests in flight). */
  prefetchData: (context: PrefetchContext) => void
}

/**
 * A component in its own chunk. Unlike `React.lazy`, once the chunk is in it renders at once: `React.lazy`
 * suspends on its first render even then, and React holds a Suspense boundary's content back for up to 300 ms
 * after its fallback showed, so a preloaded page would still appear, and start its requests, that much later.
 * Not loaded yet, it suspends (see `RouteBoundary`).
 */
export function lazyPage<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
  pickPrefetch?: (module: M) => (context: PrefetchContext) => void,
): LazyPage {
  let component: ComponentType | undefined
  let prefetch: ((context: PrefetchContext) => void) | undefined
  let failure: { error: unknown } | undefined
  let loading: Promise<ComponentType> | undefined
  const preload = () =>
    (loading ??= load().then(
      (module) => {
        prefetch = pickPrefetch?.(module)
        return (component = pick(module))
      },
      (error: unknown) => {
        failure = { error }
        throw error
      },
    ))
  function Page() {
    // Suspends the way `React.lazy` does (a thrown promise), which also holds inside tests' `act`.
    if (failure) throw failure.error
    if (!component) throw preload()
    return createElement(component)
  }
  return Object.assign(Page, {
    preload,
    settled: () => component !== undefined || failure !== undefined,
    prefetchData: (context: PrefetchContext) => prefetch?.(context),
  })
}

/** `preload()` where nothing waits for the result: a failure shows when the page renders, not as an unhandled rejection. */
export function startLoading(page: LazyPage) {
  page.preload().catch(() => {})
}
