/**
 * `npm run bench`: the built app (dist/, built first if missing) served by `vite preview`, its /api proxied to the
 * emulator, driven by headless Chromium; all in this process, on random loopback ports. Issue 11's yardstick:
 *   first-visit  gzip bytes of what index.html loads, of the sign-in page, of signing in, of each page's lazy chunks
 *   latency      time to data at 0 / 50 / 200 ms emulator latency (and 100 ms for the inventory), as multiples of it
 *   requests     API requests per page on a first load and on a revisit within the cache time; most at once
 *   scale        10,000 servers: first rows, complete list, scrolling (frames over 50 ms), JS heap; the inventory too
 * BENCH_APP_RUNS (default 3) and BENCH_ONLY (suites and / or pages): see config.ts. Prints a table and writes
 * bench/results.json (bench/results.partial.json for a BENCH_ONLY run).
 */
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { checkBudgets, type Figures } from './budgets.ts'
import { BUDGETS, readConfig } from './config.ts'
import { printReport } from './report.ts'
import { buildInfo, startStack } from './stack.ts'
import { firstVisit } from './suites/first-visit.ts'
import { latency } from './suites/latency.ts'
import { requests } from './suites/requests.ts'
import { scale } from './suites/scale.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
const config = readConfig()
// A partial run (BENCH_ONLY) never overwrites the full results.
const RESULTS_NAME = config.partial ? 'results.partial.json' : 'results.json'
const RESULTS = fileURLToPath(new URL(`./${RESULTS_NAME}`, import.meta.url))

const started = performance.now()
const loadAtStart = loadavg()[0]!
const stack = await startStack(ROOT)
const figures: Figures = {}
try {
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now()
    process.stdout.write(`bench: ${name}…`)
    const result = await run()
    process.stdout.write(` ${((performance.now() - t) / 1000).toFixed(0)} s\n`)
    return result
  }
  if (config.suites.includes('first-visit')) figures.firstVisit = await timed('first visit', () => firstVisit(stack, config))
  if (config.suites.includes('latency')) figures.latency = await timed('time to data', () => latency(stack, config))
  if (config.suites.includes('requests')) figures.requests = await timed('requests', () => requests(stack, config))
  if (config.suites.includes('scale')) figures.scale = await timed('scale', () => scale(stack, config))

  const budgets = checkBudgets(figures)
  const header = {
    root: ROOT,
    ...buildInfo(ROOT),
    cpus: cpus().length,
    /** 1-minute load average at the start and the end: other work on the machine shows in every time. */
    load: [loadAtStart, loadavg()[0]!].map((l) => Math.round(l * 10) / 10),
    node: process.version,
    chromium: stack.browser.version(),
    runs: config.runs,
  }
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ date: new Date().toISOString(), ...header, config, budgets: BUDGETS, ...figures, budgetChecks: budgets }, null, 2)}\n`,
  )
  const took = `${((performance.now() - started) / 1000).toFixed(0)} s`
  console.log(`\n${printReport(header, figures, budgets)}\n\n  ${took}; results in bench/${RESULTS_NAME}\n`)
} finally {
  await stack.close()
}
