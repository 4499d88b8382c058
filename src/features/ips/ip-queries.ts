import type { Client } from '@scaleway/sdk-client'
import { Instancev1 } from '@scaleway/sdk-instance'
import { queryOptions } from '@tanstack/react-query'
import { keepPreviousPageOfZone } from '@/lib/placeholder'

export const IPS_PER_PAGE = 50

export const ipQueries = {
  all: () => ['ips'] as const,
  lists: () => [...ipQueries.all(), 'list'] as const,
  list: (client: Client, { zone, page }: { zone: string; page: number }) =>
    queryOptions({
      queryKey: [...ipQueries.lists(), { zone, page, perPage: IPS_PER_PAGE }] as const,
      queryFn: () => new Instancev1.API(client).listIps({ zone, page, perPage: IPS_PER_PAGE }),
      placeholderData: keepPreviousPageOfZone(zone),
    }),
}
