import type { Client } from '@scaleway/sdk-client'
import type { QueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useThrottled } from '@/lib/use-throttled'
import { failedLately, type FanOut, isSettled, useZoneFanOut, type ZoneState } from '@/lib/scaleway/fan-out'
import { projectQueries } from '@/lib/scaleway/project-queries'
import { ZONES } from '@/lib/scaleway/localities'
import { ALL_SERVERS, instanceQueries, type Server } from '@/features/instances'
import { ipQueries, type Ip } from '@/features/ips'
import { useScalewayClient } from '@/features/session'

const serversOf = (page: { items: Server[] }) => page.items
/**
 * While pages arrive, the figures move at most this often (ms): every change recounts
 * and redraws the whole page (totals, map, hints, charts) from 10,000 servers, and
 * doing that for each page made the tab slower to read the next ones.
 */
const REDRAW_EVERY_MS = 500
const ipsOf = (listing: { items: Ip[] }) => listing.items

/** The inventory's two lists per zone: one definition for the page and its prefetch, so they cannot drift apart. */
const serversQuery = (client: Client, zone: string) => instanceQueries.zone(client, zone, ALL_SERVERS)
const ipsQuery = (client: Client, zone: string) => ipQueries.zone(client, zone)

export interface InventoryZone {
  zone: string
  servers: ZoneState
  ips: ZoneState
  /** Both lists answered or gave up. */
  settled: boolean
}

/**
 * Asks for everything `useInventory` and the page's project names read, with the same query options, before the
 * page renders (the route calls it as soon as the page's chunk is in): the page then finds its requests in flight.
 */
export function prefetchInventory({ queryClient, client }: { queryClient: QueryClient; client: Client }) {
  void queryClient.prefetchQuery(projectQueries.list(client))
  for (const zone of ZONES) {
    // A zone that just failed or was refused keeps that answer, as on the page (its "Retry" asks again).
    const servers = serversQuery(client, zone)
    if (!failedLately(queryClient, servers)) void queryClient.prefetchQuery(servers)
    const ips = ipsQuery(client, zone)
    if (!failedLately(queryClient, ips)) void queryClient.prefetchQuery(ips)
  }
}

/**
 * Everything the key can see: every page of servers and of flexible IPs in every zone,
 * through the shared fan-out. The queries are the Instances and Flexible IPs pages' own
 * unfiltered "all zones" queries, so either page and the inventory share one cache and a
 * write on those pages refreshes the inventory too.
 */
export function useInventory() {
  const client = useScalewayClient()
  // Each list at the fan-out's own pace; the page's pace is the one throttle below (two in a row could hold a change twice).
  const servers = useZoneFanOut({ query: (zone) => serversQuery(client, zone), rows: serversOf })
  const ips = useZoneFanOut({ query: (zone) => ipsQuery(client, zone), rows: ipsOf })
  // The two lists redraw together: once when the first zone answers, then at most every REDRAW_EVERY_MS, and once
  // when both are complete (each list finishing on its own would redraw the whole page once more). Between two
  // redraws an answer re-renders the page, and everything it hands down (memoised) stays as it was.
  const latest = useMemo(() => ({ servers, ips }), [servers, ips])
  const shown = useThrottled(latest, REDRAW_EVERY_MS, !(servers.isComplete && ips.isComplete), '')
  return useMemo(() => summarize(shown.servers, shown.ips), [shown])
}

function summarize(servers: FanOut<Server>, ips: FanOut<Ip>) {
  const zones: InventoryZone[] = ZONES.map((zone, i) => {
    const s = servers.zones[i] as ZoneState
    const p = ips.zones[i] as ZoneState
    return { zone, servers: s, ips: p, settled: isSettled(s) && isSettled(p) }
  })
  const states = [...servers.zones, ...ips.zones]
  const answered = states.filter((z) => z.updatedAt > 0)
  return {
    servers: servers.rows,
    ips: ips.rows,
    zones,
    /** Zones whose two lists have both settled. */
    settledZones: zones.filter((z) => z.settled).length,
    isComplete: servers.isComplete && ips.isComplete,
    isFetching: states.some((z) => z.isFetching),
    /** The oldest answer on screen (what "Updated … ago" must admit), or 0 before any. */
    updatedAt: answered.length ? Math.min(...answered.map((z) => z.updatedAt)) : 0,
    /** Zones that could not be read (forbidden or failed) for either list. */
    unreadZones: zones.filter((z) => [z.servers, z.ips].some((s) => s.status === 'failed' || s.status === 'forbidden')).map((z) => z.zone),
    /** When not one list of one zone could be read: the first error (else null). */
    unreadError: states.every((z) => z.status === 'failed' || z.status === 'forbidden') ? (states[0]?.error ?? null) : null,
    refresh: () => states.forEach((z) => z.refetch()),
  }
}

export type Inventory = ReturnType<typeof summarize>
