import type { QueryClient } from '@tanstack/react-query'
import { instanceZoneFilter } from '@/features/instances'
import { ipZoneFilter } from './ip-queries'

/**
 * An IP write changes its zone's IP lists and the servers it leaves or joins (their
 * `public_ips`): read both again. Mutations return this, so their button stays busy
 * until fresh data is in.
 */
export function invalidateIpZone(queryClient: QueryClient, zone: string) {
  return Promise.all([queryClient.invalidateQueries(ipZoneFilter(zone)), queryClient.invalidateQueries(instanceZoneFilter(zone))])
}
