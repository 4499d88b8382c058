/**
 * In-page probes: a script installed before the app's own, which notes the first moment (performance.now(), ms since
 * the navigation started, or since `rearm`) each condition below holds in the DOM, checked after every DOM mutation.
 * Times come from the page's own clock, free of the round trips between this process and the browser.
 *
 * Page scripts are strings: tsx wraps named functions in a `__name` helper the page lacks.
 */
import type { BrowserContext, Page } from '@playwright/test'

export type Mark =
  /** The sign-in form's "Sign in" button is enabled. */
  | 'signInReady'
  /** A table shows its first data row (virtualised spacer rows are aria-hidden). */
  | 'firstRow'
  /** An all-zones page's "Zones" region reads "All N zones answered." */
  | 'zonesComplete'
  /** The inventory says every zone answered (or, before the fan-out inventory, "N instances and M flexible IPs across…"). */
  | 'inventoryComplete'
  /** A page heading is shown and no skeleton is left. */
  | 'settled'

const PROBE_SCRIPT = `(() => {
  if (window.__bench) return
  try { performance.setResourceTimingBufferSize(100000) } catch {}
  const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim()
  const some = (selector, re) => Array.from(document.querySelectorAll(selector)).some((el) => re.test(text(el)))
  const tests = {
    signInReady: () => Array.from(document.querySelectorAll('button[type="submit"]')).some((b) => text(b) === 'Sign in' && !b.disabled),
    firstRow: () => document.querySelector('table tbody tr:not([aria-hidden="true"]) td') !== null,
    zonesComplete: () => some('section[aria-label="Zones"] [role="status"]', /^All \\d+ zones answered\\.$/),
    inventoryComplete: () =>
      some('[role="status"]', /^All \\d+ zones answered\\.$/) || some('h1 + p', /^\\d+ instances and \\d+ flexible IPs across \\d+ zones$/),
    settled: () => document.querySelector('h1') !== null && document.querySelector('[aria-hidden="true"].animate-pulse') === null,
  }
  const bench = { t0: 0, path: null, marks: {}, running: true }
  const check = () => {
    if (!bench.running) return
    if (bench.path !== null && location.pathname + location.search !== bench.path) return
    const at = Math.round((performance.now() - bench.t0) * 10) / 10
    for (const name in tests) {
      if (name in bench.marks) continue
      try { if (tests[name]()) bench.marks[name] = at } catch {}
    }
  }
  /** From now on, and only once the URL is \`path\`: marks restart at 0 (an in-app navigation). */
  bench.rearm = (path) => { bench.t0 = performance.now(); bench.path = path; bench.marks = {}; bench.running = true }
  bench.stop = () => { bench.running = false }
  bench.api = (since) => performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.startsWith('/api/') && e.startTime >= since)
    .map((e) => ({ start: e.startTime, sent: e.requestStart, end: e.responseEnd, path: new URL(e.name).pathname, url: e.name }))
  window.__bench = bench
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['disabled', 'aria-hidden'] })
  document.addEventListener('DOMContentLoaded', check)
})()`

export async function installProbes(context: BrowserContext): Promise<void> {
  await context.addInitScript(PROBE_SCRIPT)
}

/**
 * Waits for a mark and returns it (ms since the navigation, or since `rearm`). Polled with `evaluate` (the app's CSP
 * forbids the string evaluation `waitForFunction` does in the page); the time itself is the page's own.
 */
export async function waitForMark(page: Page, mark: Mark, timeoutMs = 60_000): Promise<number> {
  const expression = `window.__bench?.marks[${JSON.stringify(mark)}] ?? null`
  const deadline = performance.now() + timeoutMs
  for (;;) {
    // A navigation under way destroys the context the expression runs in: try again.
    const at = await page.evaluate<number | null>(expression).catch(() => null)
    if (at !== null) return at
    if (performance.now() > deadline) throw new Error(`"${mark}" never held on ${page.url()} within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Marks restart at 0 now and count only once the URL is `path` (for in-app navigations). */
export async function rearm(page: Page, path: string): Promise<number> {
  return page.evaluate<number>(`(window.__bench.rearm(${JSON.stringify(path)}), window.__bench.t0)`)
}

/** Stops checking the DOM (so the probes cost nothing while frames are timed). */
export async function stopProbes(page: Page): Promise<void> {
  await page.evaluate('window.__bench.stop()')
}

/** One API request from the page's Resource Timing: start (when the app asked), sent, end (ms). */
export interface ApiEntry {
  start: number
  sent: number
  end: number
  path: string
  /** The whole URL, query included. */
  url: string
}

export async function apiEntries(page: Page, since = 0): Promise<ApiEntry[]> {
  return page.evaluate<ApiEntry[]>(`window.__bench.api(${since})`)
}

/** The most requests the page had open at once (asked for and not yet answered, queued ones included). */
export function maxInFlight(entries: ApiEntry[]): number {
  const events = entries.flatMap((e) => [
    { at: e.start, delta: 1 },
    { at: e.end, delta: -1 },
  ])
  events.sort((a, b) => a.at - b.at || a.delta - b.delta)
  let open = 0
  let max = 0
  for (const { delta } of events) {
    open += delta
    max = Math.max(max, open)
  }
  return max
}

/**
 * Longest chain of requests where each was asked for only after the previous one answered: the app's dependent
 * round trips, whatever the connection cap (a queued request still starts when the app asks for it).
 */
export function dependentChain(entries: ApiEntry[], until = Number.POSITIVE_INFINITY): number {
  const sorted = entries.filter((e) => e.start <= until).sort((a, b) => a.start - b.start)
  const depth: number[] = []
  sorted.forEach((entry, i) => {
    let before = 0
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= entry.start + 0.5) before = Math.max(before, depth[j]!)
    depth.push(before + 1)
  })
  return Math.max(0, ...depth)
}

/**
 * The network's share of a page's time: the same GET requests, all at once, from a page doing nothing else (a static
 * file of the same server), as ms from the first request to the last answer. What the page takes beyond it after the
 * shell is the app's own work; what this takes beyond one latency is the browser, the proxy and the emulator.
 */
export async function networkFloor(page: Page, appUrl: string, urls: string[], secretKey: string): Promise<number | null> {
  if (urls.length === 0) return null
  await page.goto(`${appUrl}/favicon.svg?floor`)
  return page.evaluate<number | null>(`(async () => {
    performance.clearResourceTimings()
    const urls = ${JSON.stringify(urls)}
    await Promise.all(urls.map((url) => fetch(url, { headers: { 'X-Auth-Token': ${JSON.stringify(secretKey)} }, cache: 'no-store' }).then((r) => r.arrayBuffer())))
    // An entry may be queued after its body resolved: wait for all of them (at most a second), never count fewer.
    for (let i = 0; i < 100 && performance.getEntriesByType('resource').length < urls.length; i++) await new Promise((r) => setTimeout(r, 10))
    const entries = performance.getEntriesByType('resource')
    if (entries.length < urls.length) return null
    return Math.max(...entries.map((e) => e.responseEnd)) - Math.min(...entries.map((e) => e.startTime))
  })()`)
}
