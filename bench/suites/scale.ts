/**
 * Scale: the all-zones Instances list and the inventory with the large seed (10,000 servers, no added latency):
 * time to first rows and to a complete list, requests, scrolling the whole list (frames over 50 ms from the
 * browser's own frame timing), and the JS heap.
 */
import type { CDPSession, Page } from '@playwright/test'
import type { BenchConfig } from '../config.ts'
import { stopProbes } from '../probes.ts'
import { baseline, signedInPage } from '../session.ts'
import type { Stack } from '../stack.ts'
import { ratios, type Stats, summarize } from '../stats.ts'
import { visit } from '../visit.ts'

/**
 * Scrolls the window to the end, one step per frame, and reports: long animation frames (the browser's own
 * frame timing, PerformanceObserver "long-animation-frame": every frame over 50 ms), the gaps between
 * requestAnimationFrame callbacks, and whether the table's last row (aria-rowcount / aria-rowindex) got rendered.
 * A list too slow to get through in SCROLL_CAP_MS is jumped to its end, and the share scrolled is reported.
 */
const SCROLL_STEP_PX = 2000
/**
 * Past this, the rest is skipped (the list is too slow to scroll through in a bench): one jump to the end instead.
 * 10,000 rows are ~285 steps: 30 s leaves a loaded machine room to scroll all of them (10 s cut it at ~90%, so the
 * frames of the last tenth were never measured).
 */
const SCROLL_CAP_MS = 30_000
const SCROLL_THROUGH = `(async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
  const loafSupported = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')
  const loaf = []
  const observer = loafSupported ? new PerformanceObserver((list) => { for (const e of list.getEntries()) loaf.push(e.duration) }) : null
  observer?.observe({ type: 'long-animation-frame' })
  const table = document.querySelector('table[aria-rowcount]') ?? document.querySelector('table')
  const rowCount = Number(table?.getAttribute('aria-rowcount') ?? 0) - 1
  let lastIndex = 0
  // A frame whose middle shows no row, only the list's empty space: the rows were not drawn in time. Such a frame
  // is cheap; counting only long frames would reward a list that draws nothing while it scrolls.
  let blankFrames = 0
  const note = () => {
    for (const row of document.querySelectorAll('table tbody tr[aria-rowindex]')) lastIndex = Math.max(lastIndex, Number(row.getAttribute('aria-rowindex')) - 1)
    const body = table?.querySelector('tbody')?.getBoundingClientRect()
    const y = innerHeight / 2
    if (!body || body.top > y || body.bottom < y) return
    const hit = document.elementFromPoint(Math.min(body.left + 100, innerWidth - 1), y)
    if (!hit?.closest('tr[aria-rowindex]')) blankFrames++
  }
  const gaps = []
  let last = await frame()
  const start = last
  let scrolledShare = 1
  for (let y = 0; ; y += ${SCROLL_STEP_PX}) {
    const end = document.documentElement.scrollHeight - innerHeight
    if (last - start > ${SCROLL_CAP_MS}) {
      scrolledShare = y / end
      window.scrollTo(0, end)
    } else {
      window.scrollTo(0, y)
    }
    const now = await frame()
    gaps.push(now - last)
    last = now
    note()
    if (scrolledShare < 1 || y >= end) break
  }
  // At the end (row heights measured on the way move it): keep going to the bottom until the last row shows, ≤ 3 s.
  const settleUntil = last + 3000
  while (last < settleUntil && !(rowCount > 0 && lastIndex >= rowCount)) {
    window.scrollTo(0, document.documentElement.scrollHeight)
    const now = await frame()
    gaps.push(now - last)
    last = now
    note()
  }
  await new Promise((resolve) => setTimeout(resolve, 200))
  if (observer) { for (const e of observer.takeRecords()) loaf.push(e.duration); observer.disconnect() }
  return {
    seconds: (last - start) / 1000,
    frames: gaps.length,
    rafGapsOver50: gaps.filter((g) => g > 50).length,
    blankFrames,
    worstRafGapMs: Math.max(...gaps),
    loafSupported,
    longFrames: loaf.filter((d) => d > 50).length,
    worstLongFrameMs: loaf.length ? Math.max(...loaf) : 0,
    scrolledShare,
    rowCount,
    lastRowReached: rowCount > 0 && lastIndex >= rowCount,
  }
})()`

/**
 * Frames over 50 ms from the navigation until `untilMs` (the page's own clock, as the marks): the browser's
 * long-animation-frame entries, buffered since the page loaded. What rendering the pages as they arrive costs.
 */
const LOAD_FRAMES = (untilMs: number) => `new Promise((resolve) => {
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return resolve(null)
  const seen = []
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) seen.push(e) })
  observer.observe({ type: 'long-animation-frame', buffered: true })
  setTimeout(() => {
    for (const e of observer.takeRecords()) seen.push(e)
    observer.disconnect()
    const during = seen.filter((e) => e.startTime <= ${untilMs} && e.duration > 50).map((e) => e.duration)
    resolve({ count: during.length, worst: during.length ? Math.max(...during) : 0 })
  }, 50)
})`

interface LoadFrames {
  count: number
  worst: number
}

async function loadFrames(page: Page, untilMs: number): Promise<LoadFrames | null> {
  return page.evaluate<LoadFrames | null>(LOAD_FRAMES(untilMs))
}

interface ScrollResult {
  seconds: number
  frames: number
  rafGapsOver50: number
  /** Frames whose middle showed the list's empty space instead of a row. */
  blankFrames: number
  worstRafGapMs: number
  loafSupported: boolean
  longFrames: number
  worstLongFrameMs: number
  /** Share of the list scrolled step by step before SCROLL_CAP_MS ran out (1: all of it). */
  scrolledShare: number
  rowCount: number
  lastRowReached: boolean
}

export interface ScaleResult {
  seedServers: number
  allZones: {
    rows: number
    firstRowMs: Stats | null
    firstRowRatio: Stats | null
    completeMs: Stats | null
    completeRatio: Stats | null
    /** API requests asked for before the list was complete (polls after it are left out). */
    requests: Stats | null
    pageMaxInFlight: Stats | null
    serverMaxInFlight: Stats | null
    /** Frames over 50 ms from the navigation until the list was complete (long-animation-frame; null if unsupported). */
    loadLongFrames: Stats | null
    loadWorstFrameMs: Stats | null
    scrollSeconds: Stats | null
    /** Share of the list scrolled step by step within the time cap (1: all). */
    scrolledShare: Stats | null
    /** Frames over 50 ms while scrolling, from the browser's long-animation-frame timing (rAF gaps if unsupported). */
    longFrames: Stats | null
    /** The longest frame seen (long animation frame or gap between animation frames). */
    worstFrameMs: Stats | null
    rafGapsOver50: Stats | null
    /** Frames (checked at each step) that showed empty space where rows belong. */
    blankFrames: Stats | null
    frameSource: string
    lastRowReachedEveryRun: boolean
    heapMB: Stats | null
    heapAfterGcMB: Stats | null
  }
  inventory: {
    completeMs: Stats | null
    completeRatio: Stats | null
    /** API requests asked for before the inventory was complete. */
    requests: Stats | null
    pageMaxInFlight: Stats | null
    /** Frames over 50 ms from the navigation until the inventory was complete. */
    loadLongFrames: Stats | null
    loadWorstFrameMs: Stats | null
    heapMB: Stats | null
    heapAfterGcMB: Stats | null
  }
  baselineMs: Stats | null
}

/** JS heap in use, before and after a full garbage collection (MB, 10^6 bytes). */
async function heap(cdp: CDPSession): Promise<{ used: number; afterGc: number }> {
  const before = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.send('HeapProfiler.collectGarbage')
  const after = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  return { used: before.usedSize / 1e6, afterGc: after.usedSize / 1e6 }
}

async function scrollThrough(page: Page): Promise<ScrollResult> {
  await stopProbes(page)
  return page.evaluate<ScrollResult>(SCROLL_THROUGH)
}

export async function scale(stack: Stack, config: BenchConfig): Promise<ScaleResult> {
  const wants = (name: 'all-zones' | 'inventory') => config.pages.includes(name)
  const s = {
    baseline: [] as number[],
    first: [] as number[],
    complete: [] as number[],
    requests: [] as number[],
    pageMax: [] as number[],
    serverMax: [] as number[],
    loadFrames: [] as LoadFrames[],
    scroll: [] as ScrollResult[],
    heap: [] as number[],
    heapGc: [] as number[],
    invComplete: [] as number[],
    invRequests: [] as number[],
    invPageMax: [] as number[],
    invLoadFrames: [] as LoadFrames[],
    invHeap: [] as number[],
    invHeapGc: [] as number[],
  }
  stack.setScenario({ seedServers: config.scaleServers, latencyMs: 0 })
  const { context, page } = await signedInPage(stack.browser, stack.appUrl)
  const cdp = await context.newCDPSession(page)
  try {
    for (let run = 0; run < config.runs; run++) {
      s.baseline.push(await baseline(page, stack.appUrl))
      if (wants('all-zones')) {
        const v = await visit(page, stack, 'all-zones', ['firstRow', 'zonesComplete'])
        s.first.push(v.marks.firstRow!)
        s.complete.push(v.marks.zonesComplete!)
        s.requests.push(v.api.filter((e) => e.start <= v.marks.zonesComplete!).length)
        s.pageMax.push(v.pageMaxInFlight)
        s.serverMax.push(v.serverMaxInFlight)
        const frames = await loadFrames(page, v.marks.zonesComplete!)
        if (frames) s.loadFrames.push(frames)
        s.scroll.push(await scrollThrough(page))
        const h = await heap(cdp)
        s.heap.push(h.used)
        s.heapGc.push(h.afterGc)
      }
      if (wants('inventory')) {
        const v = await visit(page, stack, 'inventory')
        s.invComplete.push(v.marks.inventoryComplete!)
        s.invRequests.push(v.api.filter((e) => e.start <= v.marks.inventoryComplete!).length)
        s.invPageMax.push(v.pageMaxInFlight)
        const frames = await loadFrames(page, v.marks.inventoryComplete!)
        if (frames) s.invLoadFrames.push(frames)
        const h = await heap(cdp)
        s.invHeap.push(h.used)
        s.invHeapGc.push(h.afterGc)
      }
    }
  } finally {
    await context.close()
    stack.setScenario({ latencyMs: 0 })
  }

  const loaf = s.scroll.every((r) => r.loafSupported)
  return {
    seedServers: config.scaleServers,
    allZones: {
      rows: s.scroll[0]?.rowCount ?? 0,
      firstRowMs: summarize(s.first),
      firstRowRatio: ratios(s.first, s.baseline),
      completeMs: summarize(s.complete),
      completeRatio: ratios(s.complete, s.baseline),
      requests: summarize(s.requests, 0),
      pageMaxInFlight: summarize(s.pageMax, 0),
      serverMaxInFlight: summarize(s.serverMax, 0),
      loadLongFrames: summarize(s.loadFrames.map((f) => f.count), 0),
      loadWorstFrameMs: summarize(s.loadFrames.map((f) => f.worst)),
      scrollSeconds: summarize(s.scroll.map((r) => r.seconds)),
      scrolledShare: summarize(s.scroll.map((r) => r.scrolledShare), 2),
      longFrames: summarize(s.scroll.map((r) => (loaf ? r.longFrames : r.rafGapsOver50)), 0),
      worstFrameMs: summarize(s.scroll.map((r) => Math.max(r.worstLongFrameMs, r.worstRafGapMs))),
      rafGapsOver50: summarize(s.scroll.map((r) => r.rafGapsOver50), 0),
      blankFrames: summarize(s.scroll.map((r) => r.blankFrames), 0),
      frameSource: loaf ? 'long-animation-frame' : 'requestAnimationFrame gaps',
      lastRowReachedEveryRun: s.scroll.length > 0 && s.scroll.every((r) => r.lastRowReached),
      heapMB: summarize(s.heap),
      heapAfterGcMB: summarize(s.heapGc),
    },
    inventory: {
      completeMs: summarize(s.invComplete),
      completeRatio: ratios(s.invComplete, s.baseline),
      requests: summarize(s.invRequests, 0),
      pageMaxInFlight: summarize(s.invPageMax, 0),
      loadLongFrames: summarize(s.invLoadFrames.map((f) => f.count), 0),
      loadWorstFrameMs: summarize(s.invLoadFrames.map((f) => f.worst)),
      heapMB: summarize(s.invHeap),
      heapAfterGcMB: summarize(s.invHeapGc),
    },
    baselineMs: summarize(s.baseline),
  }
}
