/**
 * Time to data at several emulator latencies (demo seed), each page opened in a signed-in tab (a reload: the built
 * files come from the HTTP cache, React Query starts empty). Reported from the navigation and from the shell's first
 * API request, each as a multiple of the latency (the floor is one round trip per dependent request chain), with the
 * longest chain of dependent requests the app made before the data showed.
 */
import { type BenchConfig, LATENCY_PLAN, NGINX_LATENCY_PLAN, type PageName, type ServedBy } from '../config.ts'
import { dependentChain, type Mark, networkFloor } from '../probes.ts'
import { ADMIN, baseline, signedInPage } from '../session.ts'
import type { Stack } from '../stack.ts'
import { multiples, ratios, type Stats, summarize } from '../stats.ts'
import { visit } from '../visit.ts'

/**
 * What each page is timed to: one zone's first row; every zone listed (and its first row); the whole inventory.
 * `floor`: the mark needs every answer, so the same requests replayed at once say what the network alone takes.
 */
const MEASURES: { page: PageName; mark: Mark; label: string; floor: boolean }[] = [
  { page: 'zone', mark: 'firstRow', label: 'one zone: first row', floor: false },
  { page: 'all-zones', mark: 'firstRow', label: 'all zones: first row', floor: false },
  { page: 'all-zones', mark: 'zonesComplete', label: 'all zones: complete', floor: true },
  { page: 'inventory', mark: 'inventoryComplete', label: 'inventory: complete', floor: true },
]

export interface LatencyRow {
  /** vite preview over HTTP/1.1, or the nginx recipe over HTTP/2. */
  servedBy: ServedBy
  page: PageName
  mark: Mark
  label: string
  latencyMs: number
  /** From the navigation to the data. */
  ms: Stats | null
  ratio: Stats | null
  roundTrips: Stats | null
  /** From the app's first API request (the shell is up) to the data. */
  afterShellMs: Stats | null
  roundTripsAfterShell: Stats | null
  /** The same requests all at once from a page doing nothing else (see `networkFloor`): the network's share. */
  floorMs: Stats | null
  roundTripsFloor: Stats | null
  /** After the shell, beyond the floor: the app's own share (each run against its own floor). */
  appMs: Stats | null
  /** From the last API answer before the data showed to the data on screen: the app's own work. */
  renderMs: Stats | null
  /** Longest chain of requests each asked for after the previous answered, before the data showed. */
  dependentChain: Stats | null
  /** API requests asked for before the data showed. */
  requestsBeforeData: Stats | null
  pageMaxInFlight: Stats | null
  serverMaxInFlight: Stats | null
}

interface Samples {
  ms: number[]
  afterShell: number[]
  floor: number[]
  app: number[]
  render: number[]
  baseline: number[]
  chain: number[]
  requests: number[]
  pageMax: number[]
  serverMax: number[]
}

const emptySamples = (): Samples => ({ ms: [], afterShell: [], floor: [], app: [], render: [], baseline: [], chain: [], requests: [], pageMax: [], serverMax: [] })

type Plan = { page: PageName; latencies: number[] }[]

/** Runs `plan` against the app at `appUrl` into `samples` (keyed by label and latency). */
async function measure(stack: Stack, config: BenchConfig, plan: Plan, appUrl: string, samples: Map<string, Samples>): Promise<void> {
  const latencies = [...new Set(plan.flatMap((p) => p.latencies))].sort((a, b) => a - b)
  const { context, page } = await signedInPage(stack.browser, appUrl)
  try {
    for (let run = 0; run < config.runs; run++) {
      for (const latencyMs of latencies) {
        stack.setScenario({ latencyMs })
        const runBaseline = await baseline(page, appUrl)
        for (const { page: name } of plan.filter((p) => p.latencies.includes(latencyMs))) {
          const measures = MEASURES.filter((m) => m.page === name)
          const v = await visit(page, stack, name, measures.map((m) => m.mark), undefined, appUrl)
          for (const m of measures) {
            const at = v.marks[m.mark]!
            const s = samples.get(key(m.label, latencyMs)) ?? emptySamples()
            samples.set(key(m.label, latencyMs), s)
            const afterShell = v.shellAt === null ? at : at - v.shellAt
            s.ms.push(at)
            s.afterShell.push(afterShell)
            if (m.floor) {
              // The requests asked before any answer came: the page's first wave, all independent of each other (what
              // it asks after an answer, such as a moving server's watch, is the app's own round trip).
              const firstAnswer = Math.min(...v.api.map((e) => e.end))
              const wave = v.api.filter((e) => e.start < firstAnswer)
              const floor = await networkFloor(page, appUrl, wave.map((e) => e.url), ADMIN.secretKey)
              if (floor !== null) {
                s.floor.push(floor)
                s.app.push(afterShell - floor)
              }
            }
            s.render.push(at - Math.max(0, ...v.api.filter((e) => e.end <= at).map((e) => e.end)))
            s.baseline.push(runBaseline)
            s.chain.push(dependentChain(v.api, at))
            s.requests.push(v.api.filter((e) => e.start <= at).length)
            s.pageMax.push(v.pageMaxInFlight)
            s.serverMax.push(v.serverMaxInFlight)
          }
        }
      }
    }
  } finally {
    await context.close()
  }
}

const key = (label: string, latencyMs: number) => `${label}@${latencyMs}`

function rowsOf(servedBy: ServedBy, plan: Plan, samples: Map<string, Samples>): LatencyRow[] {
  const rows: LatencyRow[] = []
  for (const m of MEASURES) {
    for (const latencyMs of plan.find((p) => p.page === m.page)?.latencies ?? []) {
      const s = samples.get(key(m.label, latencyMs))
      if (!s) continue
      rows.push({
        servedBy,
        page: m.page,
        mark: m.mark,
        label: m.label,
        latencyMs,
        ms: summarize(s.ms),
        ratio: ratios(s.ms, s.baseline),
        roundTrips: multiples(s.ms, latencyMs),
        afterShellMs: summarize(s.afterShell),
        roundTripsAfterShell: multiples(s.afterShell, latencyMs),
        floorMs: summarize(s.floor),
        roundTripsFloor: multiples(s.floor, latencyMs),
        appMs: summarize(s.app),
        renderMs: summarize(s.render),
        dependentChain: latencyMs > 0 ? summarize(s.chain, 0) : null,
        requestsBeforeData: summarize(s.requests, 0),
        pageMaxInFlight: summarize(s.pageMax, 0),
        serverMaxInFlight: summarize(s.serverMax, 0),
      })
    }
  }
  return rows
}

export async function latency(stack: Stack, config: BenchConfig): Promise<LatencyRow[]> {
  const plan = LATENCY_PLAN.filter((p) => config.pages.includes(p.page))
  const preview = new Map<string, Samples>()
  await measure(stack, config, plan, stack.appUrl, preview)
  const rows = rowsOf('preview', plan, preview)
  if (stack.nginxUrl) {
    const nginxPlan = NGINX_LATENCY_PLAN.filter((p) => config.pages.includes(p.page))
    const nginx = new Map<string, Samples>()
    await measure(stack, config, nginxPlan, stack.nginxUrl, nginx)
    rows.push(...rowsOf('nginx', nginxPlan, nginx))
  }
  return rows
}
