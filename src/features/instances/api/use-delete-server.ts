import type { Client } from '@scaleway/sdk-client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { instanceApi, instanceQueries, invalidateServer, zoneListsFilter } from './instance-queries'

/** DELETE /servers/{id} (a stopped server; its volumes and flexible IPs stay). */
export function useDeleteServer(client: Client) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ zone, id }: { zone: string; id: string }) =>
      instanceApi(client).deleteServer({ zone: zoneParam(zone), serverId: uuidParam(id, 'server id') }),
    onSuccess: (_void, { zone, id }) => {
      queryClient.removeQueries({ queryKey: instanceQueries.detail(client, zone, id).queryKey })
      return queryClient.invalidateQueries(zoneListsFilter(zone))
    },
    // Refused (it started, it is protected…): show the server as it is now.
    onError: (_error, { zone, id }) => invalidateServer(queryClient, client, zone, id),
  })
}
