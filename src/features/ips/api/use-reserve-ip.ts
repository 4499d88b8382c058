import type { Client } from '@scaleway/sdk-client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { invalidateIpZone } from './invalidate'
import { ipApi, type IpType } from './ip-queries'

export interface ReserveIpInput {
  zone: string
  type: IpType
  project: string
  tags: string[]
}

/** POST /ips: a new flexible IP, detached (billed until released). */
export function useReserveIp(client: Client) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ zone, type, project, tags }: ReserveIpInput) => {
      const { ip } = await ipApi(client).createIp({ zone: zoneParam(zone), type, project: uuidParam(project, 'project id'), tags })
      if (!ip) throw new Error('The Instance API answered without the new IP')
      return ip
    },
    // Settled, not only succeeded: after a timeout or a 409 the list is read again too.
    onSettled: (_ip, _error, { zone }) => invalidateIpZone(queryClient, zone),
  })
}
