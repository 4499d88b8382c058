/**
 * What `npm run bench` measures, from the environment:
 *   BENCH_APP_RUNS   runs of every timed scenario (default 3); each figure is the median of them, with min and max
 *   BENCH_ONLY       comma-separated suites and / or pages, e.g. `latency,inventory` (the latency suite, inventory page
 *                    only) or `scale`; a suite token picks suites, a page token picks pages within them
 *   BENCH_SCALE_SERVERS  servers seeded for the scale suite (default 10,000)
 */

export const SUITES = ['first-visit', 'latency', 'requests', 'scale'] as const
export type Suite = (typeof SUITES)[number]

/** The pages the bench opens, by a short name usable in BENCH_ONLY. */
export const PAGES = {
  inventory: { path: '/', label: 'Inventory /' },
  zone: { path: '/instances?zone=fr-par-1', label: 'Instances, one zone' },
  'all-zones': { path: '/instances?zone=all', label: 'Instances, all zones' },
  ips: { path: '/ips?zone=all', label: 'Flexible IPs, all zones' },
  'api-key': { path: '/api-key', label: 'API key' },
  'get-started': { path: '/get-started', label: 'Get started' },
} as const
export type PageName = keyof typeof PAGES

/** Emulator latencies per page for the time-to-data suite (issue 11: 0 / 50 / 200 ms; issue 9: 100 ms for `/`). */
export const LATENCY_PLAN: { page: PageName; latencies: number[] }[] = [
  { page: 'zone', latencies: [0, 50, 200] },
  { page: 'all-zones', latencies: [0, 50, 100, 200] },
  { page: 'inventory', latencies: [0, 50, 100, 200] },
]

/**
 * The same pages through the nginx recipe (TLS + HTTP/2, one connection for every request) where nginx is installed:
 * the all-zones pages make 10 to 20 requests at once, which HTTP/1.1 (the Vite servers) queues 6 at a time.
 */
export const NGINX_LATENCY_PLAN: { page: PageName; latencies: number[] }[] = [
  { page: 'all-zones', latencies: [100] },
  { page: 'inventory', latencies: [100] },
]

/** Who serves the app (and proxies /api) in a figure. */
export const SERVED_BY = { preview: 'vite preview (HTTP/1.1)', nginx: 'nginx (HTTP/2)' } as const
export type ServedBy = keyof typeof SERVED_BY

/** Latency the requests suite runs at: high enough that every request of a fan-out is in flight at once. */
export const REQUESTS_LATENCY_MS = 100

/** Issue 11's budgets (reported against, never asserted). */
export const BUDGETS = {
  firstVisitJsGzipBytes: 110 * 1024,
  zoneRoundTripsAfterShell: 2,
  inventoryRoundTripsAt100ms: 3,
  scaleFirstRowMs: 1000,
  scaleFrameMs: 50,
  scaleHeapMB: 150,
  browserConnectionsPerHost: 6,
} as const

export interface BenchConfig {
  runs: number
  suites: Suite[]
  pages: PageName[]
  scaleServers: number
  /** BENCH_ONLY picked a subset. */
  partial: boolean
}

function positiveInt(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`)
  return value
}

const isSuite = (token: string): token is Suite => (SUITES as readonly string[]).includes(token)
const isPage = (token: string): token is PageName => token in PAGES

export function readConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const tokens = (env.BENCH_ONLY ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  const unknown = tokens.filter((t) => !isSuite(t) && !isPage(t))
  if (unknown.length) {
    throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')}; suites: ${SUITES.join(', ')}; pages: ${Object.keys(PAGES).join(', ')}`)
  }
  const suites = tokens.filter(isSuite)
  const pages = tokens.filter(isPage)
  return {
    runs: positiveInt('BENCH_APP_RUNS', 3, env),
    suites: suites.length ? suites : [...SUITES],
    pages: pages.length ? pages : (Object.keys(PAGES) as PageName[]),
    scaleServers: positiveInt('BENCH_SCALE_SERVERS', 10_000, env),
    partial: tokens.length > 0,
  }
}
