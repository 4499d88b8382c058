import type { Client } from '@scaleway/sdk-client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Page } from '@/lib/scaleway/fan-out'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { instanceApi, instanceQueries, type Server, zoneListsFilter } from './instance-queries'

/** What the console edits in place: the rest of a server changes through actions. */
export type ServerPatch = Partial<Pick<Server, 'name' | 'tags' | 'protected'>>

export interface UpdateServerVariables {
  zone: string
  id: string
  patch: ServerPatch
}

/**
 * PATCH /servers/{id}, optimistic: the detail and every list of the zone show the
 * change at once, and go back to what they were if Scaleway refuses it.
 */
export function useUpdateServer(client: Client) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ zone, id, patch }: UpdateServerVariables) =>
      instanceApi(client).updateServer({ zone: zoneParam(zone), serverId: uuidParam(id, 'server id'), ...patch }),
    onMutate: async ({ zone, id, patch }) => {
      const detailKey = instanceQueries.detail(client, zone, id).queryKey
      const lists = zoneListsFilter(zone)
      await Promise.all([queryClient.cancelQueries({ queryKey: detailKey }), queryClient.cancelQueries(lists)])
      const previousDetail = queryClient.getQueryData(detailKey)
      const previousLists = queryClient.getQueriesData<Page<Server> | number>(lists)
      queryClient.setQueryData(detailKey, (server) => (server ? { ...server, ...patch } : server))
      queryClient.setQueriesData<Page<Server> | number>(lists, (data) =>
        typeof data === 'object' ? { ...data, items: data.items.map((s) => (s.id === id ? { ...s, ...patch } : s)) } : data,
      )
      return { detailKey, previousDetail, previousLists }
    },
    onError: (_error, _variables, context) => {
      if (!context) return
      queryClient.setQueryData(context.detailKey, context.previousDetail)
      for (const [key, data] of context.previousLists) queryClient.setQueryData(key, data)
    },
    onSettled: (_data, _error, { zone, id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: instanceQueries.detail(client, zone, id).queryKey }),
        queryClient.invalidateQueries(zoneListsFilter(zone)),
      ]),
  })
}
