import type { Client } from '@scaleway/sdk-client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Page } from '@/lib/scaleway/fan-out'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { instanceApi, instanceQueries, invalidateServer, type Server, zoneListsFilter, serverWriteScope } from './instance-queries'

/** What the console edits in place: the rest of a server changes through actions. */
export type ServerPatch = Partial<Pick<Server, 'name' | 'tags' | 'protected'>>

export interface UpdateServerVariables {
  zone: string
  id: string
  patch: ServerPatch
}

const isPage = (data: unknown): data is Page<Server> => typeof data === 'object' && data !== null && 'items' in data

/** Applies `fields` to one server wherever it is cached: its detail and every list of its zone. */
function writeEverywhere(queryClient: ReturnType<typeof useQueryClient>, client: Client, zone: string, id: string, fields: (server: Server) => ServerPatch) {
  queryClient.setQueryData(instanceQueries.detail(client, zone, id).queryKey, (server) => (server ? { ...server, ...fields(server) } : server))
  queryClient.setQueriesData<unknown>(zoneListsFilter(zone), (data: unknown) =>
    isPage(data) ? { ...data, items: data.items.map((s) => (s.id === id ? { ...s, ...fields(s) } : s)) } : data,
  )
}

/**
 * PATCH /servers/{id}, optimistic: the detail and every list of the zone show the
 * change at once. If Scaleway refuses it, only the fields it touched go back to what
 * they were, so another edit still in flight keeps its own change. Writes to one server
 * run one after the other (`scope`), and its data is read again after the last.
 */
export function useUpdateServer(client: Client, serverId: string) {
  const queryClient = useQueryClient()
  const mutationKey = [...instanceQueries.all(), 'update', serverId] as const
  return useMutation({
    mutationKey,
    scope: serverWriteScope(serverId),
    mutationFn: ({ zone, id, patch }: UpdateServerVariables) =>
      instanceApi(client).updateServer({ zone: zoneParam(zone), serverId: uuidParam(id, 'server id'), ...patch }),
    onMutate: async ({ zone, id, patch }) => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: instanceQueries.detail(client, zone, id).queryKey }),
        queryClient.cancelQueries(zoneListsFilter(zone)),
      ])
      const before = queryClient.getQueryData(instanceQueries.detail(client, zone, id).queryKey)
      const previous: ServerPatch = {}
      for (const key of Object.keys(patch) as (keyof ServerPatch)[]) {
        if (before) Object.assign(previous, { [key]: before[key] })
      }
      writeEverywhere(queryClient, client, zone, id, () => patch)
      return { previous }
    },
    onError: (_error, { zone, id }, context) => {
      if (context) writeEverywhere(queryClient, client, zone, id, () => context.previous)
    },
    onSettled: (_data, _error, { zone, id }) =>
      // Another write to this server still pending will read it again when it ends.
      queryClient.isMutating({ mutationKey }) > 1 ? undefined : invalidateServer(queryClient, client, zone, id),
  })
}
