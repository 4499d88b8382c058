/**
 * API requests per page (demo seed, REQUESTS_LATENCY_MS on every request so a fan-out's requests overlap): on a
 * first load (a reload, React Query empty), how many at most at once as the page asked for them and as they reached
 * the emulator (Vite serves HTTP/1.1: the browser opens at most 6 connections per host); then on a revisit within the
 * cache time (an in-app link away, then Back), how many and how soon the data shows.
 */
import type { Page } from '@playwright/test'
import { type BenchConfig, PAGES, type PageName, REQUESTS_LATENCY_MS } from '../config.ts'
import { apiEntries, rearm, waitForMark } from '../probes.ts'
import { signedInPage } from '../session.ts'
import type { Stack } from '../stack.ts'
import { type Stats, summarize } from '../stats.ts'
import { READY, visit } from '../visit.ts'

export interface RequestsRow {
  page: PageName
  path: string
  latencyMs: number
  firstLoad: Stats | null
  pageMaxInFlight: Stats | null
  serverMaxInFlight: Stats | null
  /** Every API request from "Back" until the API is quiet (background refetches and polls included). */
  revisit: Stats | null
  /** Of those, the ones asked for before the data showed. */
  revisitBeforeData: Stats | null
  /** From "Back" to the data on screen (well under the latency: it came from the cache). */
  revisitToDataMs: Stats | null
  /** The first load's requests by path (last run), e.g. `/api/instance/v1/zones/fr-par-1/servers: 1`. */
  firstLoadPaths: Record<string, number>
}

/** Leaves the page by a link of the main navigation and waits for the other page to settle. */
async function goAway(page: Page, stack: Stack, from: PageName): Promise<void> {
  const to: PageName = from === 'get-started' ? 'api-key' : 'get-started'
  const name = to === 'get-started' ? 'Get started' : 'API key'
  await rearm(page, PAGES[to].path)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click()
  // Its own heading: while its chunk loads, the navigation is a transition and the page left stays on screen (its
  // heading would satisfy "settled", and Back would then find nothing to redraw).
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 30_000 })
  await waitForMark(page, 'settled')
  await stack.meter.quiet()
}

const emptySamples = () => ({
  first: [] as number[],
  pageMax: [] as number[],
  serverMax: [] as number[],
  revisit: [] as number[],
  revisitBefore: [] as number[],
  revisitMs: [] as number[],
  paths: {} as Record<string, number>,
})

export async function requests(stack: Stack, config: BenchConfig): Promise<RequestsRow[]> {
  const pages = config.pages
  const samples = new Map(pages.map((name) => [name, emptySamples()]))
  stack.setScenario({ latencyMs: REQUESTS_LATENCY_MS })
  const { context, page } = await signedInPage(stack.browser, stack.appUrl)
  try {
    for (let run = 0; run < config.runs; run++) {
      for (const name of pages) {
        const s = samples.get(name)!
        const first = await visit(page, stack, name)
        s.first.push(first.api.length)
        s.paths = {}
        for (const e of first.api) s.paths[e.path] = (s.paths[e.path] ?? 0) + 1
        s.pageMax.push(first.pageMaxInFlight)
        s.serverMax.push(first.serverMaxInFlight)

        await goAway(page, stack, name)
        const since = await rearm(page, PAGES[name].path)
        await page.goBack({ waitUntil: 'commit' })
        const shown = await waitForMark(page, READY[name])
        await stack.meter.quiet()
        const after = await apiEntries(page, since)
        s.revisitMs.push(shown)
        s.revisit.push(after.length)
        s.revisitBefore.push(after.filter((e) => e.start <= since + shown).length)
      }
    }
  } finally {
    await context.close()
  }
  return pages.map((name) => {
    const s = samples.get(name)!
    return {
      page: name,
      path: PAGES[name].path,
      latencyMs: REQUESTS_LATENCY_MS,
      firstLoad: summarize(s.first, 0),
      pageMaxInFlight: summarize(s.pageMax, 0),
      serverMaxInFlight: summarize(s.serverMax, 0),
      revisit: summarize(s.revisit, 0),
      revisitBeforeData: summarize(s.revisitBefore, 0),
      revisitToDataMs: summarize(s.revisitMs),
      firstLoadPaths: s.paths,
    }
  })
}
