import type { Client } from '@scaleway/sdk-client'
import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { instanceQueries, isMoving, MAX_WATCHED, zoneListsFilter, type Server } from './instance-queries'

const dataOf = (results: { data?: Server[] }[]) => results.map((r) => r.data)

/**
 * Follows the servers that are starting, stopping or rebooting in lists too long to
 * re-read every few seconds: one small request per zone (`servers=<ids>`) every
 * POLL_MS while they move. Their fresh versions replace the listed ones (a server
 * gone meanwhile is dropped), and once a zone's movers have all settled, that zone's
 * lists are read again, once. Nothing moves, nothing is polled.
 */
export function useWatchMoving(client: Client, servers: readonly Server[]): Server[] {
  const queryClient = useQueryClient()
  const moving = useMemo(() => {
    const byZone = new Map<string, string[]>()
    for (const s of servers) {
      if (!isMoving(s)) continue
      const ids = byZone.get(s.zone) ?? []
      if (ids.length < MAX_WATCHED) byZone.set(s.zone, [...ids, s.id])
    }
    return [...byZone].map(([zone, ids]) => ({ zone, ids: ids.sort() }))
  }, [servers])

  const watched = useQueries({ queries: moving.map(({ zone, ids }) => instanceQueries.some(client, zone, ids)), combine: dataOf })

  const settledZones = moving.filter((_, i) => watched[i]?.every((s) => !isMoving(s))).map((m) => m.zone)
  const settledKey = settledZones.join()
  useEffect(() => {
    for (const zone of settledKey ? settledKey.split(',') : []) void queryClient.invalidateQueries(zoneListsFilter(zone))
  }, [settledKey, queryClient])

  return useMemo(() => {
    const fresh = new Map<string, Server | null>()
    moving.forEach(({ ids }, i) => {
      const data = watched[i]
      if (!data) return
      const byId = new Map(data.map((s) => [s.id, s]))
      for (const id of ids) fresh.set(id, byId.get(id) ?? null)
    })
    if (fresh.size === 0) return [...servers]
    return servers.flatMap((s) => {
      const update = fresh.get(s.id)
      return update === undefined ? [s] : update === null ? [] : [update]
    })
  }, [servers, moving, watched])
}
