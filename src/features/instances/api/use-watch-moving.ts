import type { Client } from '@scaleway/sdk-client'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { useZoneFanOut } from '@/lib/scaleway/fan-out'
import { instanceQueries, isMoving, MAX_WATCHED, zoneListsFilter, type Server } from './instance-queries'

const itself = (servers: Server[]) => servers

/**
 * Follows the servers that are starting, stopping or rebooting in lists too long to
 * re-read every few seconds: one small request per zone that has some (`servers=<ids>`,
 * through the zone fan-out) every POLL_MS while they move. Their fresh versions replace
 * the listed ones (a server gone meanwhile is dropped), and once a zone's movers have
 * all settled, that zone's lists are read again, once. Nothing moves, nothing is polled.
 */
export function useWatchMoving(client: Client, servers: readonly Server[]): readonly Server[] {
  const queryClient = useQueryClient()
  const idsByZone = useMemo(() => {
    const byZone = new Map<string, string[]>()
    for (const s of servers) {
      if (!isMoving(s)) continue
      const ids = byZone.get(s.zone) ?? []
      if (ids.length < MAX_WATCHED) byZone.set(s.zone, [...ids, s.id])
    }
    for (const ids of byZone.values()) ids.sort()
    return byZone
  }, [servers])
  const zones = useMemo(() => [...idsByZone.keys()], [idsByZone])

  const watched = useZoneFanOut({
    zones,
    query: (zone) => instanceQueries.watch(client, zone, idsByZone.get(zone) ?? []),
    rows: itself,
  })

  // Zones that answered with nothing left moving: read their lists again, once.
  const answered = watched.zones.filter((z) => z.status === 'loaded' || z.status === 'empty').map((z) => z.zone)
  const settledKey = answered.filter((zone) => !watched.rows.some((s) => s.zone === zone && isMoving(s))).join()
  useEffect(() => {
    for (const zone of settledKey ? settledKey.split(',') : []) void queryClient.invalidateQueries(zoneListsFilter(zone))
  }, [settledKey, queryClient])

  // Which zones answered, as a value: a poll starting (isFetching) changes the zones' states, not this, and must not
  // rebuild the 10,000-row list below.
  const answeredKey = answered.join()
  return useMemo(() => {
    const answeredZones = new Set(answeredKey ? answeredKey.split(',') : [])
    if (answeredZones.size === 0) return servers
    const fresh = new Map(watched.rows.map((s) => [s.id, s]))
    // A set, not `includes` per row: this runs over every listed server (10,000 of them) on each poll.
    const watchedIds = new Set([...idsByZone.values()].flat())
    // In the listed order. A loop, not flatMap: no array per row.
    const current: Server[] = []
    for (const s of servers) {
      if (!answeredZones.has(s.zone) || !watchedIds.has(s.id)) current.push(s)
      else {
        const update = fresh.get(s.id)
        // Watched but not returned: it was terminated or deleted meanwhile.
        if (update) current.push(update)
      }
    }
    return current
  }, [servers, idsByZone, watched.rows, answeredKey])
}
