import type { Client } from '@scaleway/sdk-client'
import { Instancev1 } from '@scaleway/sdk-instance'
import { queryOptions } from '@tanstack/react-query'
import { keepPreviousPageOfZone } from '@/lib/placeholder'

export const SERVERS_PER_PAGE = 50

export interface ServerListParams {
  zone: string
  page: number
  perPage?: number
}

const api = (client: Client) => new Instancev1.API(client)

export const instanceQueries = {
  all: () => ['instances'] as const,
  lists: () => [...instanceQueries.all(), 'list'] as const,
  list: (client: Client, { zone, page, perPage = SERVERS_PER_PAGE }: ServerListParams) =>
    queryOptions({
      queryKey: [...instanceQueries.lists(), { zone, page, perPage }] as const,
      // One page; the SDK fills totalCount from X-Total-Count.
      queryFn: () => api(client).listServers({ zone, page, perPage }),
      placeholderData: keepPreviousPageOfZone(zone),
    }),
  details: () => [...instanceQueries.all(), 'detail'] as const,
  detail: (client: Client, zone: string, id: string) =>
    queryOptions({
      queryKey: [...instanceQueries.details(), zone, id] as const,
      queryFn: async () => {
        const { server } = await api(client).getServer({ zone, serverId: id })
        if (!server) throw new Error(`The Instance API answered without a server for ${id}`)
        return server
      },
    }),
}
