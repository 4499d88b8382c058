import type { Client } from '@scaleway/sdk-client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { invalidateIpZone } from './invalidate'
import { ipApi } from './ip-queries'

/** DELETE /ips/{id}: the address goes back to Scaleway; an attached server loses it. */
export function useReleaseIp(client: Client) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ zone, id }: { zone: string; id: string }) => ipApi(client).deleteIp({ zone: zoneParam(zone), ip: uuidParam(id, 'IP id') }),
    onSettled: (_void, _error, { zone }) => invalidateIpZone(queryClient, zone),
  })
}
