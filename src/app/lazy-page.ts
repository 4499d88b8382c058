import type { Client } from '@scaleway/sdk-client'
import type { QueryClient } from '@tanstack/react-query'
import { type ComponentType, createElement } from 'react'
import { useLocation } from 'react-router'

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
  /** The failed download, and the navigation that showed it (`location.key`). */
  let failure: { error: unknown; shownAt?: string } | undefined
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
    const { key } = useLocation()
    if (failure) {
      failure.shownAt ??= key
      // This navigation's failure shows in the route's error panel; the next navigation downloads it again (a
      // preload alone never does: the guard asks for chunks on every render and would retry in a loop).
      if (failure.shownAt === key) throw failure.error
      failure = undefined
      loading = undefined
    }
    // Suspends the way `React.lazy` does (a thrown promise), which also holds inside tests' `act`.
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
