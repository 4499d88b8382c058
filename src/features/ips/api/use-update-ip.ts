import type { Client } from '@scaleway/sdk-client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { invalidateIpZone } from './invalidate'
import { ipApi } from './ip-queries'

/**
 * One PATCH /ips/{id}: `server` attaches (an id), moves (another id, in one request)
 * or detaches (null); `reverse` sets the reverse DNS (null resets it to the default).
 */
export interface IpPatch {
  server?: string | null
  reverse?: string | null
}

export function useUpdateIp(client: Client) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ zone, id, patch }: { zone: string; id: string; patch: IpPatch }) => {
      const server = patch.server ? uuidParam(patch.server, 'server id') : patch.server
      const { ip } = await ipApi(client).updateIp({ zone: zoneParam(zone), ip: uuidParam(id, 'IP id'), ...patch, ...('server' in patch ? { server } : {}) })
      return ip
    },
    // Refused or not, the IP and the servers around it are read again: a refusal often means the page was behind.
    onSettled: (_ip, _error, { zone }) => invalidateIpZone(queryClient, zone),
  })
}
