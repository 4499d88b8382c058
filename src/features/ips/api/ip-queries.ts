import type { Client } from '@scaleway/sdk-client'
import { Instancev1 } from '@scaleway/sdk-instance'
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { zoneParam } from '@/lib/scaleway/path-params'

export const IPS_PER_PAGE = 50

export const ipQueries = {
  all: () => ['ips'] as const,
  lists: () => [...ipQueries.all(), 'list'] as const,
  list: (client: Client, { zone, page }: { zone: string; page: number }) =>
    queryOptions({
      queryKey: [...ipQueries.lists(), { zone, page, perPage: IPS_PER_PAGE }] as const,
      queryFn: () => new Instancev1.API(client).listIps({ zone: zoneParam(zone), page, perPage: IPS_PER_PAGE }),
      // Within one zone only: the list is remounted per zone (see ips-page.tsx).
      placeholderData: keepPreviousData,
    }),
  /** How many flexible IPs a zone has: one item fetched, the count from X-Total-Count. */
  count: (client: Client, zone: string) =>
    queryOptions({
      queryKey: [...ipQueries.lists(), { zone, count: true }] as const,
      queryFn: async () => (await new Instancev1.API(client).listIps({ zone: zoneParam(zone), perPage: 1 })).totalCount,
    }),
}
