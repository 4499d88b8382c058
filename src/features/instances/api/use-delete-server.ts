import type { Client } from '@scaleway/sdk-client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { instanceApi, instanceQueries, invalidateServer, serverWriteScope, zoneListsFilter } from './instance-queries'

/** DELETE /servers/{id} (a stopped server; its volumes and flexible IPs stay). */
export function useDeleteServer(client: Client, serverId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    scope: serverWriteScope(serverId),
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
