/** The printed report: one table per suite, then the budgets. */
import type { AssetSet } from './assets.ts'
import type { BudgetCheck, Figures } from './budgets.ts'
import { PAGES, SERVED_BY } from './config.ts'
import type { Stats } from './stats.ts'

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const range = (s: Stats, unit = '') => (s.min === s.max ? `${s.median}${unit}` : `${s.median}${unit} [${s.min}–${s.max}]`)
const ms = (s: Stats | null) => (s ? range(s, ' ms') : '—')
const times = (s: Stats | null) => (s ? `×${s.median.toFixed(2)} [${s.min.toFixed(2)}–${s.max.toFixed(2)}]` : '—')
const count = (s: Stats | null) => (s ? range(s) : '—')
/** Frames over 50 ms from the navigation until the page was complete. */
const loadFrames = (r: { loadLongFrames: Stats | null; loadWorstFrameMs: Stats | null }) =>
  r.loadLongFrames ? `${count(r.loadLongFrames)} frames > 50 ms, worst ${ms(r.loadWorstFrameMs)}` : '—'

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd()
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n')
}

/** "instances-page 14.3, useQuery 2.9, … +3" (KiB gzip, largest first, hashes dropped; the JSON has every file). */
const chunkList = (set: AssetSet, most = 5) => {
  const js = set.files.filter((f) => f.kind === 'js').sort((a, b) => b.gzip - a.gzip)
  const named = js.slice(0, most).map((f) => `${f.file.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.js$/, '')} ${(f.gzip / 1024).toFixed(1)}`)
  return js.length ? named.join(', ') + (js.length > most ? `, … +${js.length - most}` : '') : '—'
}

export interface Header {
  root: string
  commit: string | null
  dirtyFiles: number | null
  distBuiltAt: string
  cpus: number
  load: number[]
  node: string
  chromium: string
  runs: number
}

export function printReport(h: Header, f: Figures, budgets: BudgetCheck[]): string {
  const out: string[] = []
  const dirty = h.dirtyFiles ? `, ${h.dirtyFiles} files changed since` : ''
  out.push(`bench: ${h.root} at ${h.commit ?? 'unknown commit'}${dirty}; dist built ${h.distBuiltAt}`)
  out.push(
    `${h.cpus} CPUs (load average ${h.load.join(' at the start, ')} at the end), Node ${h.node}, Chromium ${h.chromium};`,
    `${h.runs} runs per figure: median [min–max];`,
  )
  out.push('×b: each run\'s time divided by the same run\'s baseline (the tab loading a static file), then the median.')

  if (f.firstVisit) {
    const v = f.firstVisit
    out.push('', `FIRST VISIT (gzip, zlib default level${v.manifest ? '; sources from dist/.vite/manifest.json' : '; no Vite manifest in dist/'})`)
    out.push(
      table(
        ['what', 'JS', 'CSS', 'JS chunks (KiB gzip)'],
        [
          ['index.html loads', kib(v.indexHtml.jsGzip), kib(v.indexHtml.cssGzip), chunkList(v.indexHtml)],
          ['/sign-in, fetched until usable', kib(v.signInPage.jsGzip), kib(v.signInPage.cssGzip), `${v.signInPage.files.length} files`],
          [`bookmark ${PAGES.zone.path}, signed out, until usable`, kib(v.bookmark.jsGzip), kib(v.bookmark.cssGzip), `${v.bookmark.files.length} files`],
          ['then pressing "Sign in" (lands on it)', kib(v.signInPress.jsGzip), kib(v.signInPress.cssGzip), chunkList(v.signInPress)],
          ['  of which only for signing in', kib(v.signInOnly.jsGzip), kib(v.signInOnly.cssGzip), chunkList(v.signInOnly)],
          ['signed-in shell (every page)', kib(v.shell.jsGzip), kib(v.shell.cssGzip), chunkList(v.shell)],
          ...v.routes.map((r) => [`${r.path}: own chunks`, kib(r.own.jsGzip), kib(r.own.cssGzip), chunkList(r.own)]),
        ],
      ),
    )
    out.push(
      table(
        ['sign-in timing (cold cache)', 'time', '×b'],
        [
          ['open /sign-in → form usable', ms(v.signInInteractiveMs), times(v.signInInteractiveRatio)],
          ['open a bookmark → sign-in form usable', ms(v.bookmarkInteractiveMs), times(v.bookmarkInteractiveRatio)],
          ['"Sign in" → first instance row', ms(v.signInToFirstRowMs), times(v.signInToFirstRowRatio)],
          ['baseline (static file)', ms(v.baselineMs), ''],
        ],
      ),
    )
  }

  if (f.latency?.length) {
    out.push('', 'TIME TO DATA (demo seed; signed-in tab reloaded: built files cached, React Query empty)')
    out.push(
      table(
        ['measure', 'served by', 'latency', 'from navigation', '×latency', 'after the shell', '×latency', 'floor', '×latency', 'app', '×b', 'render', 'chain', 'requests', 'at once page/server'],
        f.latency.map((r) => [
          r.label,
          SERVED_BY[r.servedBy],
          `${r.latencyMs} ms`,
          ms(r.ms),
          r.roundTrips ? r.roundTrips.median.toFixed(2) : '—',
          ms(r.afterShellMs),
          r.roundTripsAfterShell ? r.roundTripsAfterShell.median.toFixed(2) : '—',
          r.floorMs ? `${r.floorMs.median} ms` : '—',
          r.roundTripsFloor ? r.roundTripsFloor.median.toFixed(2) : '—',
          r.appMs ? `${r.appMs.median} ms` : '—',
          r.ratio ? `×${r.ratio.median.toFixed(1)}` : '—',
          r.renderMs ? `${r.renderMs.median} ms` : '—',
          r.dependentChain ? String(r.dependentChain.median) : '—',
          count(r.requestsBeforeData),
          `${r.pageMaxInFlight?.median ?? '?'} / ${r.serverMaxInFlight?.median ?? '?'}`,
        ]),
      ),
    )
    out.push(
      '  after the shell: from the first API request; render: from the last API answer to the data on screen;',
      '  floor: the page\'s first wave of requests (those asked before any answer) all at once from a static page of the',
      '  same server: the browser, proxy and emulator; app: after the shell minus that run\'s floor (the app\'s own share,',
      '  with any request asked after an answer: a moving server\'s watch, the next pages of a list over 100 items);',
      '  chain: longest run of requests each asked for after the previous one answered; requests: asked before the data showed.',
    )
  }

  if (f.requests?.length) {
    const latency = f.requests[0]!.latencyMs
    out.push('', `API REQUESTS PER PAGE (demo seed, ${latency} ms latency; Vite serves HTTP/1.1: at most 6 connections per host)`)
    out.push(
      table(
        ['page', 'first load', 'at once page/server', 'revisit (before data)', 'revisit → data'],
        f.requests.map((r) => [
          `${PAGES[r.page].label} (${r.path})`,
          count(r.firstLoad),
          `${count(r.pageMaxInFlight)} / ${count(r.serverMaxInFlight)}`,
          `${count(r.revisit)} (${count(r.revisitBeforeData)})`,
          ms(r.revisitToDataMs),
        ]),
      ),
    )
  }

  if (f.scale) {
    const a = f.scale.allZones
    const i = f.scale.inventory
    out.push('', `SCALE (${f.scale.seedServers.toLocaleString('en')} servers, no added latency; baseline ${ms(f.scale.baselineMs)})`)
    const rows: string[][] = []
    if (a.firstRowMs) {
      rows.push(
        [`/instances?zone=all: first row`, ms(a.firstRowMs), times(a.firstRowRatio)],
        [`/instances?zone=all: complete (${a.rows.toLocaleString('en')} rows)`, ms(a.completeMs), times(a.completeRatio)],
        ['  requests until complete; at once page/server', `${count(a.requests)}; ${count(a.pageMaxInFlight)} / ${count(a.serverMaxInFlight)}`, ''],
        ['  while it loads (long-animation-frame)', loadFrames(a), ''],
        [
          `  scrolling it all (${a.frameSource})`,
          `${count(a.longFrames)} frames > 50 ms, worst ${ms(a.worstFrameMs)}, ${a.scrollSeconds?.median ?? '?'} s` +
            (a.scrolledShare && a.scrolledShare.min < 1 ? ` (time cap: ${Math.round(a.scrolledShare.median * 100)}% scrolled, then a jump to the end)` : ''),
          `${a.lastRowReachedEveryRun ? 'last row reached' : 'LAST ROW NOT REACHED'}; ${count(a.blankFrames)} frames blank`,
        ],
        ['  JS heap (after GC)', `${count(a.heapMB)} MB (${count(a.heapAfterGcMB)} MB)`, ''],
      )
    }
    if (i.completeMs) {
      rows.push(
        ['/ inventory: complete', ms(i.completeMs), times(i.completeRatio)],
        ['  requests until complete; at once (page)', `${count(i.requests)}; ${count(i.pageMaxInFlight)}`, ''],
        ['  while it loads (long-animation-frame)', loadFrames(i), ''],
        ['  JS heap (after GC)', `${count(i.heapMB)} MB (${count(i.heapAfterGcMB)} MB)`, ''],
      )
    }
    out.push(table(['measure', 'figure', '×b'], rows))
  }

  if (budgets.length) {
    out.push('', 'BUDGETS (issue 11; reported, never asserted)')
    out.push(
      table(
        ['budget', 'figure', 'status'],
        budgets.map((b) => [b.budget, b.figure, b.status === 'missed' ? `MISSED (${b.by})` : b.status]),
      ),
    )
  }
  return out.join('\n')
}
