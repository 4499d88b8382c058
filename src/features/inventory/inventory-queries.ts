import type { Client } from '@scaleway/sdk-client'
import { Instancev1 } from '@scaleway/sdk-instance'
import { queryOptions } from '@tanstack/react-query'

export const inventoryQueries = {
  all: () => ['inventory'] as const,
  /** Counts only: one item per page, the total comes from X-Total-Count. */
  zoneCounts: (client: Client, zone: string) =>
    queryOptions({
      queryKey: [...inventoryQueries.all(), 'zone-counts', zone] as const,
      queryFn: async () => {
        const api = new Instancev1.API(client)
        const [servers, ips] = await Promise.all([
          api.listServers({ zone, perPage: 1 }),
          api.listIps({ zone, perPage: 1 }),
        ])
        return { servers: servers.totalCount, ips: ips.totalCount }
      },
    }),
}
