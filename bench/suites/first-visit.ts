/**
 * First visit: what dist/index.html loads, what the browser fetches to show the sign-in page (opened directly, and
 * through a bookmark to a signed-in page), what pressing "Sign in" adds, and each page's lazy chunks (each page opened signed in with the HTTP cache off). Bytes are the same
 * on every run and are measured once; the sign-in times are medians over the runs.
 */
import { type AssetSet, Dist, trackAssets, without } from '../assets.ts'
import { type BenchConfig, PAGES, type PageName } from '../config.ts'
import { rearm, waitForMark } from '../probes.ts'
import { baseline, freshPage, signedInPage, submitSignIn } from '../session.ts'
import type { Stack } from '../stack.ts'
import { ratios, type Stats, summarize } from '../stats.ts'
import { READY } from '../visit.ts'

export interface RouteChunks {
  page: PageName
  path: string
  /** Chunks only this page loads (beyond index.html and the signed-in shell). */
  own: AssetSet
  /** Everything beyond index.html this page loads on a cold visit (shell included). */
  beyondIndex: AssetSet
}

export interface FirstVisitResult {
  manifest: boolean
  indexHtml: AssetSet
  /** What the browser fetched for /sign-in up to the form being usable (and quiet). */
  signInPage: AssetSet
  /** What the browser fetched for a bookmark to one zone's list, signed out, up to the sign-in form being usable. */
  bookmark: AssetSet
  /** Fetched on pressing "Sign in" on that form (landing on the list). */
  signInPress: AssetSet
  /** Of those, the chunks no signed-in page fetches by itself: what only signing in needs. */
  signInOnly: AssetSet
  /** Fetched by every signed-in page beyond index.html: the shell. */
  shell: AssetSet
  routes: RouteChunks[]
  signInInteractiveMs: Stats | null
  signInInteractiveRatio: Stats | null
  bookmarkInteractiveMs: Stats | null
  bookmarkInteractiveRatio: Stats | null
  signInToFirstRowMs: Stats | null
  signInToFirstRowRatio: Stats | null
  baselineMs: Stats | null
}

const ALL_PAGES = Object.keys(PAGES) as PageName[]

/** Opens every page signed in, cache off, and notes the built files each fetches. */
async function discoverRoutes(stack: Stack): Promise<Map<PageName, string[]>> {
  const { context, page } = await signedInPage(stack.browser, stack.appUrl)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const assets = trackAssets(page)
  const byPage = new Map<PageName, string[]>()
  try {
    for (const name of ALL_PAGES) {
      await stack.meter.quiet(100)
      assets.take()
      await page.goto(`${stack.appUrl}${PAGES[name].path}`)
      await waitForMark(page, READY[name])
      // Lazy parts shown after the data (e.g. charts behind a Suspense skeleton) count too.
      await waitForMark(page, 'settled', 10_000).catch(() => undefined)
      await stack.meter.quiet()
      byPage.set(name, assets.take())
    }
  } finally {
    await context.close()
  }
  return byPage
}

export async function firstVisit(stack: Stack, config: BenchConfig): Promise<FirstVisitResult> {
  const dist = new Dist(stack.root)
  const indexHtml = dist.indexHtml()
  const indexFiles = indexHtml.files.map((f) => f.file)

  const baselines: number[] = []
  const interactive: number[] = []
  const bookmarkInteractive: number[] = []
  const toFirstRow: number[] = []
  let signInPageFiles: string[] = []
  let bookmarkFiles: string[] = []
  let pressFiles: string[] = []
  stack.setScenario({ latencyMs: 0 })
  for (let run = 0; run < config.runs; run++) {
    // Fresh contexts each run: empty HTTP cache, no session. First the sign-in page itself (the budget)…
    const direct = await freshPage(stack.browser)
    try {
      baselines.push(await baseline(direct.page, stack.appUrl))
      const assets = trackAssets(direct.page)
      await direct.page.goto(`${stack.appUrl}/sign-in`, { waitUntil: 'commit' })
      interactive.push(await waitForMark(direct.page, 'signInReady'))
      await stack.meter.quiet()
      signInPageFiles = assets.take()
    } finally {
      await direct.context.close()
    }
    // …then a bookmark to one zone's list: the guard shows the sign-in form, and signing in lands on the list.
    const { context, page } = await freshPage(stack.browser)
    try {
      const assets = trackAssets(page)
      await page.goto(`${stack.appUrl}${PAGES.zone.path}`, { waitUntil: 'commit' })
      bookmarkInteractive.push(await waitForMark(page, 'signInReady'))
      await stack.meter.quiet()
      bookmarkFiles = assets.take()
      await submitSignIn(page, () => rearm(page, PAGES.zone.path))
      toFirstRow.push(await waitForMark(page, 'firstRow'))
      await stack.meter.quiet()
      pressFiles = assets.take()
    } finally {
      await context.close()
    }
  }

  const routeFiles = await discoverRoutes(stack)
  const beyond = new Map([...routeFiles].map(([name, files]) => [name, without(files, indexFiles)]))
  const lists = [...beyond.values()]
  const shellFiles = (lists[0] ?? []).filter((file) => lists.every((list) => list.includes(file)))

  return {
    manifest: dist.hasManifest,
    indexHtml,
    signInPage: dist.set(signInPageFiles),
    bookmark: dist.set(bookmarkFiles),
    signInPress: dist.set(pressFiles),
    signInOnly: dist.set(without(pressFiles, indexFiles, ...beyond.values())),
    shell: dist.set(shellFiles),
    routes: [...beyond].map(([name, files]) => ({
      page: name,
      path: PAGES[name].path,
      own: dist.set(without(files, shellFiles)),
      beyondIndex: dist.set(files),
    })),
    signInInteractiveMs: summarize(interactive),
    signInInteractiveRatio: ratios(interactive, baselines),
    bookmarkInteractiveMs: summarize(bookmarkInteractive),
    bookmarkInteractiveRatio: ratios(bookmarkInteractive, baselines),
    signInToFirstRowMs: summarize(toFirstRow),
    signInToFirstRowRatio: ratios(toFirstRow, baselines),
    baselineMs: summarize(baselines),
  }
}
