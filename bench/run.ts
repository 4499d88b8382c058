/**
 * `npm run bench`: a small, bounded, loopback-only benchmark.
 *
 * (a) the emulator with 10 000 seeded servers: latency of listing fr-par-1 servers
 *     (first page and last page, 100 per page);
 * (b) the built app served by `vite preview` against that emulator, driven by Chromium:
 *     time from opening /instances signed out to an interactive sign-in page, time from "Sign in" to the first instance
 *     row, and the JavaScript transferred;
 * (c) the Instances page on "All zones": first row, every page of every zone listed, API requests (and on a revisit),
 *     long frames while scrolling the whole list, JS heap.
 *
 * Prints a table and writes bench/results.json.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { DEMO_KEYS } from '../emulator/seed.ts'
import { createEmulator } from '../emulator/server.ts'
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/env.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = fileURLToPath(new URL('../dist', import.meta.url))
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url))

const SEED_SERVERS = 10_000
const PER_PAGE = 100
const API_SAMPLES = Number(process.env.BENCH_API_SAMPLES ?? 50)
const APP_RUNS = Number(process.env.BENCH_APP_RUNS ?? 5)
const ADMIN = DEMO_KEYS.find((key) => key.label === 'admin')!

interface Stats {
  n: number
  median: number
  p95: number
  min: number
  max: number
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
  const round = (v: number) => Math.round(v * 10) / 10
  return { n: s.length, median: round(at(0.5)), p95: round(at(0.95)), min: round(s[0]), max: round(s[s.length - 1]) }
}

/** Scrolls the page to its end 2,000 px at a time and counts the frames that took over 50 ms. */
const SCROLL_AND_COUNT_LONG_FRAMES = `(async () => {
  const gaps = []
  let last = performance.now()
  let running = true
  function tick(now) {
    gaps.push(now - last)
    last = now
    if (running) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  for (let y = 0; y < document.documentElement.scrollHeight; y += 2000) {
    window.scrollTo(0, y)
    await new Promise((resolve) => requestAnimationFrame(resolve))
  }
  running = false
  return gaps.filter((gap) => gap > 50).length
})()`

interface Timed {
  stats: Stats
  bytes: number
  totalCount: number
}

async function timeOne(url: string) {
  const start = performance.now()
  const response = await fetch(url, { headers: { 'X-Auth-Token': ADMIN.secretKey } })
  const body = await response.arrayBuffer()
  const elapsed = performance.now() - start
  if (response.status !== 200) throw new Error(`${url} -> ${response.status}`)
  return { elapsed, bytes: body.byteLength, totalCount: Number(response.headers.get('x-total-count') ?? 0) }
}

/** Times the URLs interleaved (a, b, a, b, …) so drift on a noisy machine hits them alike. */
async function timeRequests(urls: string[], samples: number): Promise<Timed[]> {
  const durations = urls.map((): number[] => [])
  const last = urls.map(() => ({ bytes: 0, totalCount: 0 }))
  for (let i = 0; i < samples + 3; i++) {
    for (const [index, url] of urls.entries()) {
      const { elapsed, bytes, totalCount } = await timeOne(url)
      last[index] = { bytes, totalCount }
      if (i >= 3) durations[index].push(elapsed) // the first rounds warm the JIT and the connection pool
    }
  }
  return urls.map((_, index) => ({ stats: stats(durations[index]), ...last[index] }))
}

/** Sum of the gzip sizes of the built JavaScript (what a compressing host would send). */
function distJsGzipBytes(): { files: number; raw: number; gzip: number } {
  const assets = `${DIST}/assets`
  let raw = 0
  let gzip = 0
  let files = 0
  for (const name of readdirSync(assets)) {
    if (!name.endsWith('.js')) continue
    const content = readFileSync(`${assets}/${name}`)
    raw += content.byteLength
    gzip += gzipSync(content, { level: 9 }).byteLength
    files++
  }
  return { files, raw, gzip }
}

const emulator = createEmulator({ seedServers: SEED_SERVERS, transitionMs: 1_000 })
const emulatorUrl = await emulator.listen(0, '127.0.0.1')
process.env.SCW_API_URL = emulatorUrl

const vite = await import('vite')
if (!existsSync(`${DIST}/index.html`)) {
  console.log('bench: dist/ is missing, building the app first…')
  await vite.build({ root: ROOT, logLevel: 'warn' })
}

const server = await vite.preview({ root: ROOT, logLevel: 'silent', preview: { port: 0, strictPort: false, open: false } })
const appUrl = (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, '')
if (!appUrl) throw new Error('vite preview did not report a URL')

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS })

try {
  // (a) emulator
  const listPath = `${emulatorUrl}/instance/v1/zones/fr-par-1/servers?per_page=${PER_PAGE}`
  const { totalCount } = await timeOne(`${listPath}&page=1`)
  const lastPage = Math.max(1, Math.ceil(totalCount / PER_PAGE))
  const [first, last] = await timeRequests([`${listPath}&page=1`, `${listPath}&page=${lastPage}`], API_SAMPLES)

  // (b) app, each run in a fresh context (cold cache, no session)
  const baseline: number[] = []
  const toInteractive: number[] = []
  const toFirstRow: number[] = []
  const jsTransferred: number[] = []
  const allZonesFirstRow: number[] = []
  const allZonesComplete: number[] = []
  const allZonesRequests: number[] = []
  const revisitRequests: number[] = []
  const longFrames: number[] = []
  const heapMiB: number[] = []
  let allZonesRows = 0
  for (let run = 0; run < APP_RUNS; run++) {
    // Baseline for this machine and moment: a fresh context loading a static file from the
    // same server. The app figures are also reported as multiples of it (noisy shared cores).
    const blank = await browser.newContext()
    const blankPage = await blank.newPage()
    const blankStart = performance.now()
    await blankPage.goto(`${appUrl}/favicon.svg`)
    baseline.push(performance.now() - blankStart)
    await blank.close()

    const context = await browser.newContext()
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    const scripts = new Set<string>()
    let jsBytes = 0
    cdp.on('Network.responseReceived', (event) => {
      if (event.type === 'Script') scripts.add(event.requestId)
    })
    cdp.on('Network.loadingFinished', (event) => {
      if (scripts.has(event.requestId)) jsBytes += event.encodedDataLength
    })

    // A signed-out visit to the list: the guard sends us to the sign-in page and, once
    // signed in, back to the list, as a user following a bookmark would experience it.
    const navStart = performance.now()
    await page.goto(`${appUrl}/instances?zone=fr-par-1`)
    const submit = page.getByRole('button', { name: 'Sign in', exact: true })
    await submit.waitFor({ state: 'visible', timeout: 30_000 })
    await page.waitForFunction(() => {
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Sign in')
      return Boolean(button && !button.disabled)
    })
    toInteractive.push(performance.now() - navStart)

    await page.getByLabel('Access key', { exact: true }).fill(ADMIN.accessKey)
    await page.getByLabel('Secret key', { exact: true }).fill(ADMIN.secretKey)
    const clickStart = performance.now()
    await submit.click()
    await page.getByRole('table').getByRole('row').nth(1).waitFor({ state: 'visible', timeout: 30_000 })
    toFirstRow.push(performance.now() - clickStart)
    jsTransferred.push(jsBytes)

    // (c) every zone at once, every page of each (10,000 servers over 8 zones, 100 per page).
    let apiRequests = 0
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests++
    })
    const allStart = performance.now()
    await page.getByLabel('Zone', { exact: true }).selectOption('all')
    await page.getByRole('table', { name: 'Instances in all zones' }).getByRole('row').nth(1).waitFor({ timeout: 60_000 })
    allZonesFirstRow.push(performance.now() - allStart)
    await page.getByText('All 10 zones answered.').waitFor({ timeout: 120_000 })
    allZonesComplete.push(performance.now() - allStart)
    allZonesRequests.push(apiRequests)
    allZonesRows = Number((await page.getByText(/^\d+ instances$/).first().textContent())?.split(' ')[0] ?? 0)

    // Scrolling the whole list: frames the browser took longer than 50 ms to produce.
    longFrames.push(
      // A string, not a function: tsx would wrap named functions in a helper the page lacks.
      await page.evaluate<number>(SCROLL_AND_COUNT_LONG_FRAMES),
    )
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    heapMiB.push(heap.usedSize / 2 ** 20)

    // A revisit within the cache time shows the list from the cache.
    const nav = page.getByRole('navigation', { name: 'Main' })
    await nav.getByRole('link', { name: 'Get started' }).click()
    await page.getByRole('heading', { level: 1, name: /Get started/ }).waitFor()
    apiRequests = 0
    await page.goBack()
    await page.getByText('All 10 zones answered.').waitFor()
    revisitRequests.push(apiRequests)
    await context.close()
  }

  const dist = distJsGzipBytes()
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, chromium: browser.version() },
    emulator: {
      seedServers: SEED_SERVERS,
      fr_par_1_total: first.totalCount,
      first_page_ms: first.stats,
      last_page_ms: { page: lastPage, ...last.stats },
      page_bytes: first.bytes,
    },
    app: {
      runs: APP_RUNS,
      baseline_static_file_ms: stats(baseline),
      sign_in_interactive_ms: stats(toInteractive),
      sign_in_to_first_row_ms: stats(toFirstRow),
      js_transferred_bytes: Math.round(stats(jsTransferred).median),
      dist_js: dist,
    },
    instances_all_zones: {
      rows: allZonesRows,
      first_row_ms: stats(allZonesFirstRow),
      complete_ms: stats(allZonesComplete),
      api_requests: stats(allZonesRequests),
      revisit_api_requests: stats(revisitRequests),
      scroll_frames_over_50ms: stats(longFrames),
      js_heap_mib: stats(heapMiB),
    },
  }
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`)

  const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`
  const ratio = (s: Stats) => (s.median / Math.max(results.app.baseline_static_file_ms.median, 1)).toFixed(1)
  const row = (label: string, s: Stats) =>
    `  ${label.padEnd(44)} ${String(s.median).padStart(8)} ${String(s.p95).padStart(8)} ${String(s.n).padStart(4)}`
  console.log(`
  bench (${cpus().length} cpus, ${process.version}, Chromium ${browser.version()})
  ${'measure'.padEnd(44)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'n'.padStart(4)}   (ms)
${row(`emulator list fr-par-1 page 1 (${PER_PAGE}/page)`, first.stats)}
${row(`emulator list fr-par-1 page ${lastPage} (last)`, last.stats)}
${row('baseline: fresh context loads a static file', results.app.baseline_static_file_ms)}
${row('app: open /instances -> sign-in interactive', results.app.sign_in_interactive_ms)}
${row('app: click "Sign in" -> first instance row', results.app.sign_in_to_first_row_ms)}
${row('app: "All zones" -> first row (10,000 servers)', results.instances_all_zones.first_row_ms)}
${row('app: "All zones" -> every page of every zone', results.instances_all_zones.complete_ms)}
  ratios to the baseline (medians): sign-in interactive ${ratio(results.app.sign_in_interactive_ms)}x, first row ${ratio(results.app.sign_in_to_first_row_ms)}x, all zones complete ${ratio(results.instances_all_zones.complete_ms)}x
  all zones: ${allZonesRows} rows, ${results.instances_all_zones.api_requests.median} API requests (${results.instances_all_zones.revisit_api_requests.median} on a revisit), ${results.instances_all_zones.scroll_frames_over_50ms.median} frames over 50 ms scrolling it all, JS heap ${results.instances_all_zones.js_heap_mib.median} MiB
  JS over the wire, sign-in + list (preview)   ${kib(results.app.js_transferred_bytes)}
  dist JS (${dist.files} files)                          ${kib(dist.raw)} raw, ${kib(dist.gzip)} gzip
  fr-par-1 holds ${first.totalCount} of ${SEED_SERVERS} servers; results in bench/results.json
`)
} finally {
  await browser.close()
  await server.close()
  await emulator.close()
}
