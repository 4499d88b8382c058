import type { Client } from '@scaleway/sdk-client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { LIST_KEYS, zoneListsFilter as listsOfZone } from '@/lib/scaleway/zone-filter'
import { instanceApi, zoneListsFilter } from './instance-queries'

export interface CreateServerInput {
  zone: string
  name: string
  commercialType: string
  /** Image UUID. */
  image: string
  project: string
  tags: string[]
  /** Reserve a routed IPv4 flexible IP and attach it. */
  withNewIp: boolean
}

/**
 * POST /ips (when asked) then POST /servers with it attached. If the server is
 * refused, the IP reserved for it is released again, so a failed create never
 * leaves a billed, unused address behind.
 */
export function useCreateServer(client: Client) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ zone, name, commercialType, image, project, tags, withNewIp }: CreateServerInput) => {
      const api = instanceApi(client)
      const z = zoneParam(zone)
      const projectId = uuidParam(project, 'project id')
      const ip = withNewIp ? (await api.createIp({ zone: z, project: projectId, type: 'routed_ipv4', tags })).ip : undefined
      try {
        const { server } = await api.createServer({
          zone: z,
          name,
          commercialType,
          image: uuidParam(image, 'image id'),
          project: projectId,
          tags,
          dynamicIpRequired: false,
          protected: false,
          publicIps: ip ? [ip.id] : undefined,
        })
        if (!server) throw new Error('The Instance API answered without the new server')
        return server
      } catch (error) {
        if (ip) await api.deleteIp({ zone: z, ip: uuidParam(ip.id, 'ip id') }).catch(() => undefined)
        throw error
      }
    },
    onSuccess: (_server, { zone }) =>
      Promise.all([
        queryClient.invalidateQueries(zoneListsFilter(zone)),
        queryClient.invalidateQueries(listsOfZone(LIST_KEYS.ips, zone)),
      ]),
  })
}
