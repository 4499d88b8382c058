/** Issue 11's budgets against this run's figures: met, missed (and by how much), or only reported. */
import { BUDGETS, SERVED_BY } from './config.ts'
import type { FirstVisitResult } from './suites/first-visit.ts'
import type { LatencyRow } from './suites/latency.ts'
import type { RequestsRow } from './suites/requests.ts'
import type { ScaleResult } from './suites/scale.ts'

export interface BudgetCheck {
  budget: string
  figure: string
  status: 'met' | 'missed' | 'reported'
  by?: string
}

export interface Figures {
  firstVisit?: FirstVisitResult
  latency?: LatencyRow[]
  requests?: RequestsRow[]
  scale?: ScaleResult
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const check = (budget: string, figure: string, met: boolean, by: string): BudgetCheck =>
  met ? { budget, figure, status: 'met' } : { budget, figure, status: 'missed', by }

export function checkBudgets(f: Figures): BudgetCheck[] {
  const out: BudgetCheck[] = []
  if (f.firstVisit) {
    const js = f.firstVisit.signInPage.jsGzip
    const limit = BUDGETS.firstVisitJsGzipBytes
    out.push(check(`first-visit JS ≤ ${kib(limit)} gzip (/sign-in)`, kib(js), js <= limit, `+${kib(js - limit)}`))
  }
  for (const row of f.latency ?? []) {
    if (row.label === 'one zone: first row' && row.latencyMs > 0 && row.roundTripsAfterShell && row.servedBy === 'preview') {
      const rt = row.roundTripsAfterShell.median
      const limit = BUDGETS.zoneRoundTripsAfterShell
      out.push(
        check(`one zone ≤ ${limit} round trips after the shell (${row.latencyMs} ms)`, `${rt.toFixed(2)} RT`, rt <= limit, `+${(rt - limit).toFixed(2)} RT`),
      )
    }
    if (row.label === 'inventory: complete' && row.latencyMs === 100 && row.roundTrips && row.roundTripsAfterShell) {
      // Round trips as the issue counts them (one per dependent request chain): from the shell's first request, as for
      // one zone. From opening / adds the boot (the entry, the shell's and the page's chunks), shown beside it.
      const rt = row.roundTripsAfterShell.median
      const limit = BUDGETS.inventoryRoundTripsAt100ms
      const figure =
        `${rt.toFixed(2)} RT after the shell (${row.roundTrips.median.toFixed(2)} from opening /` +
        `${row.roundTripsFloor ? `; network floor ${row.roundTripsFloor.median.toFixed(2)}` : ''})`
      const budget = `inventory ≤ ${limit} round trips at 100 ms (${SERVED_BY[row.servedBy]})`
      if (row.servedBy === 'preview') {
        // HTTP/1.1: 21 requests through 6 connections go in 4 waves, whatever the app does; the budget is the deployment's.
        out.push({ budget: `${budget}: ${BUDGETS.browserConnectionsPerHost} connections, reported`, figure, status: 'reported' })
      } else {
        out.push(check(budget, figure, rt <= limit, `+${(rt - limit).toFixed(2)} RT`))
      }
    }
  }
  // Without nginx the deployment's figure is missing: say so rather than leave the budget out.
  const inventory100 = (f.latency ?? []).filter((row) => row.label === 'inventory: complete' && row.latencyMs === 100)
  if (inventory100.length && !inventory100.some((row) => row.servedBy === 'nginx')) {
    out.push({
      budget: `inventory ≤ ${BUDGETS.inventoryRoundTripsAt100ms} round trips at 100 ms (${SERVED_BY.nginx})`,
      figure: 'not measured: nginx or openssl is not installed here',
      status: 'missed',
      by: 'not measured',
    })
  }
  for (const row of f.requests ?? []) {
    if (!row.path.includes('zone=all') && row.page !== 'inventory') continue
    out.push({
      budget: `${row.path}: requests at once, page / at the server (HTTP/1.1 caps at ${BUDGETS.browserConnectionsPerHost})`,
      figure: `${row.pageMaxInFlight?.median ?? '?'} / ${row.serverMaxInFlight?.median ?? '?'}`,
      status: 'reported',
    })
  }
  if (f.scale) {
    const a = f.scale.allZones
    const n = f.scale.seedServers.toLocaleString('en')
    if (a.firstRowMs) {
      const ms = a.firstRowMs.median
      const limit = BUDGETS.scaleFirstRowMs
      out.push(check(`${n} servers: first rows < ${limit} ms`, `${ms} ms`, ms < limit, `+${(ms - limit).toFixed(0)} ms`))
    }
    if (a.longFrames) {
      const frames = a.longFrames.median
      const blank = a.blankFrames?.max ?? 0
      out.push(
        check(
          `${n} servers: every row reachable, no frame over ${BUDGETS.scaleFrameMs} ms`,
          `${frames} frames over ${BUDGETS.scaleFrameMs} ms (worst ${a.worstFrameMs?.median ?? '?'} ms` +
            `${a.scrolledShare && a.scrolledShare.min < 1 ? `, in the first ${Math.round(a.scrolledShare.median * 100)}% scrolled` : ''}), ` +
            `last row ${a.lastRowReachedEveryRun ? 'reached' : 'NOT reached'}, ${blank} frames blank`,
          frames === 0 && a.lastRowReachedEveryRun && blank === 0,
          [
            `${frames} long frames`,
            ...(a.lastRowReachedEveryRun ? [] : ['last row not reached']),
            ...(blank ? [`${blank} frames showed no rows`] : []),
          ].join(', '),
        ),
      )
    }
    for (const [where, heap] of [
      ['all-zones list', a.heapMB],
      ['inventory', f.scale.inventory.heapMB],
    ] as const) {
      if (!heap) continue
      const limit = BUDGETS.scaleHeapMB
      out.push(check(`${n} servers: JS heap < ${limit} MB (${where})`, `${heap.median} MB`, heap.median < limit, `+${(heap.median - limit).toFixed(1)} MB`))
    }
  }
  return out
}
