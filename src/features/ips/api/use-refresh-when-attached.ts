import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { instanceZoneFilter } from '@/features/instances'
import type { Ip } from './ip-queries'

/**
 * When the IPs being attached in a zone have all settled, that zone's servers are read
 * again: their `public_ips` said "pending" too, and now say "attached".
 */
export function useRefreshWhenAttached(ips: readonly Pick<Ip, 'state' | 'zone'>[]) {
  const queryClient = useQueryClient()
  const pending = [...new Set(ips.filter((ip) => ip.state === 'pending').map((ip) => ip.zone))].sort().join()
  const previous = useRef('')
  useEffect(() => {
    const now = pending ? pending.split(',') : []
    const settled = (previous.current ? previous.current.split(',') : []).filter((zone) => !now.includes(zone))
    previous.current = pending
    for (const zone of settled) void queryClient.invalidateQueries(instanceZoneFilter(zone))
  }, [pending, queryClient])
}
