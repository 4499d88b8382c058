/**
 * One measured page load: open a URL in a signed-in page (a reload: the session survives it, React Query's cache
 * does not), wait for the page's marks, let the API go quiet, and read what was asked of it.
 */
import type { Page } from '@playwright/test'
import { PAGES, type PageName } from './config.ts'
import { apiEntries, maxInFlight, type ApiEntry, type Mark, waitForMark } from './probes.ts'
import type { Stack } from './stack.ts'

/** The mark that says a page shows its data. */
export const READY: Record<PageName, Mark> = {
  inventory: 'inventoryComplete',
  zone: 'firstRow',
  'all-zones': 'zonesComplete',
  ips: 'zonesComplete',
  'api-key': 'settled',
  'get-started': 'settled',
}

export interface Visit {
  marks: Partial<Record<Mark, number>>
  /** The page's API requests (Resource Timing), up to the API going quiet after the last mark (at most 10 s). */
  api: ApiEntry[]
  /** When the app asked its first API request: the shell is up (ms since the navigation). */
  shellAt: number | null
  /** Most API requests the page had open at once (asked for, not answered; queued ones included). */
  pageMaxInFlight: number
  /** Most API requests the emulator served at once (after the browser's per-host connection cap). */
  serverMaxInFlight: number
  serverRequests: number
}

export async function visit(
  page: Page,
  stack: Stack,
  name: PageName,
  marks: Mark[] = [READY[name]],
  timeoutMs = 120_000,
  appUrl = stack.appUrl,
): Promise<Visit> {
  await stack.meter.quiet(100, 5_000)
  stack.meter.reset()
  await page.goto(`${appUrl}${PAGES[name].path}`, { waitUntil: 'commit' })
  const got: Partial<Record<Mark, number>> = {}
  for (const mark of marks) got[mark] = await waitForMark(page, mark, timeoutMs)
  await stack.meter.quiet()
  const api = await apiEntries(page)
  return {
    marks: got,
    api,
    shellAt: api.length ? Math.min(...api.map((e) => e.start)) : null,
    pageMaxInFlight: maxInFlight(api),
    serverMaxInFlight: stack.meter.maxInFlight,
    serverRequests: stack.meter.total,
  }
}
