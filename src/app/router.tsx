import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Route, Routes, useLocation } from 'react-router'
import { RequireSession, SignInPage, useSession } from '@/features/session'
import { lazyPage, type LazyPage, startLoading } from './lazy-page'
import { pageAt, PAGES, preloadPageAt } from './pages'
import { NotFoundPage, PageLoading, RouteBoundary } from './route-error'

const GetStartedPage = lazyPage(() => import('@/features/get-started/get-started-page'), (m) => m.GetStartedPage)
// The frame's chunk and its only page's, together.
const GetStartedRoute = lazyPage(
  () => {
    startLoading(GetStartedPage)
    return import('./get-started-route')
  },
  (m) => m.GetStartedRoute,
)
// Lazy: the shell (and the Instance SDK behind the zone list) is not needed to sign in.
const AppShell = lazyPage(() => import('./app-shell'), (m) => m.AppShell)

/** The shell's and this location's page's chunks: their downloads start here (once each, however often called). */
function useSignedInChunks(wanted = true): LazyPage[] {
  const { pathname } = useLocation()
  if (!wanted) return []
  const chunks = [AppShell, pageAt(pathname)].filter((page) => page !== undefined)
  chunks.forEach(startLoading)
  return chunks
}

/** Whether every chunk has loaded (or failed to); re-renders when the last one settles. */
function useSettled(chunks: LazyPage[]): boolean {
  const waiting = chunks.filter((chunk) => !chunk.settled())
  const [, settled] = useState(0)
  useEffect(() => {
    if (waiting.length === 0) return
    let live = true
    void Promise.allSettled(waiting.map((chunk) => chunk.preload())).then(() => live && settled((n) => n + 1))
    return () => {
      live = false
    }
  })
  return waiting.length === 0
}

/**
 * The guard. With a stored key, the shell's and the page's chunks download while the session opens
 * (a copied-tab check can take 150 ms), not after it; signed out, nothing of a page is fetched.
 */
function SessionGuard() {
  const { accessKey, checking } = useSession()
  useSignedInChunks(Boolean(accessKey) || checking)
  usePageData()
  return <RequireSession />
}

/**
 * Once the session is open and the page's chunk is in, asks for the page's data (pages that say how, see
 * `lazyPage`), so its requests leave while the shell and the page render rather than after: at 100 ms a round
 * trip, the inventory's complete ~70 ms sooner.
 */
function usePageData() {
  const { client } = useSession()
  const queryClient = useQueryClient()
  const page = pageAt(useLocation().pathname)
  useEffect(() => {
    if (!client || !page) return
    let live = true
    page.preload().then(
      () => live && page.prefetchData({ queryClient, client }),
      () => {},
    )
    return () => {
      live = false
    }
  }, [client, page, queryClient])
}

/**
 * Signed in (past the guard): the shell, once its chunk and the page's are in, so both render in one go without
 * suspending (a revealed Suspense fallback would hold the page, and its first requests, back for up to 300 ms).
 */
function SignedInShell() {
  const chunks = useSignedInChunks()
  // Only the shell's first appearance waits here. Afterwards the shell stays (focus and all), and a page whose chunk
  // is not in yet suspends inside its own boundary, where the navigation's transition keeps the last page on screen.
  const [shown, setShown] = useState(false)
  // Once shown, nothing to wait for: an empty list is settled.
  const ready = useSettled(shown ? [] : chunks)
  if (ready && !shown) setShown(true)
  usePreloadOnIntent()
  return ready ? <AppShell /> : <PageLoading />
}

/** A pointer over, or focus on, a link to a console page starts its chunk: the click then finds it loaded. */
function usePreloadOnIntent() {
  useEffect(() => {
    const onIntent = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (link instanceof HTMLAnchorElement && link.origin === window.location.origin) preloadPageAt(link.href)
    }
    document.addEventListener('pointerover', onIntent, { passive: true })
    document.addEventListener('focusin', onIntent)
    return () => {
      document.removeEventListener('pointerover', onIntent)
      document.removeEventListener('focusin', onIntent)
    }
  }, [])
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<RouteBoundary><SignInPage /></RouteBoundary>} />
      {/* Open signed out too: its own frame (the console's shell when signed in, a public one otherwise). */}
      <Route path="/get-started" element={<RouteBoundary><GetStartedRoute /></RouteBoundary>}>
        <Route index element={<RouteBoundary><GetStartedPage /></RouteBoundary>} />
      </Route>
      {/* The guard's boundary covers the shell; each page has its own, inside it. */}
      <Route element={<RouteBoundary><SessionGuard /></RouteBoundary>}>
        <Route element={<SignedInShell />}>
          {PAGES.map(({ path, page: Page }) => (
            <Route key={path} path={path} element={<RouteBoundary><Page /></RouteBoundary>} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  )
}
