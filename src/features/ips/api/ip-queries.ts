import type { Client } from '@scaleway/sdk-client'
import { Instancev1 } from '@scaleway/sdk-instance'
import { queryOptions } from '@tanstack/react-query'
import { MAX_PAGE_SIZE, streamAllPages, type Listing } from '@/lib/scaleway/fan-out'
import { LIST_KEYS, zoneListsFilter } from '@/lib/scaleway/zone-filter'
import { POLL_MS } from '@/lib/scaleway/polling'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'

export type Ip = Instancev1.Ip
export type IpType = Extract<Instancev1.IpType, 'routed_ipv4' | 'routed_ipv6'>
export const IP_TYPES: readonly IpType[] = ['routed_ipv4', 'routed_ipv6']

/** What the Instance API filters IPs on (it has no "attached" filter: that one is applied here, over every page). */
export interface IpFilters {
  type: IpType | ''
  tags: string[]
  project: string
}

export const NO_IP_FILTERS: IpFilters = { type: '', tags: [], project: '' }

/**
 * Poll while an IP is being attached, when that costs one request (the zone's IPs fit a
 * page). A longer list is not re-read every few seconds: it shows "pending" until the
 * next read, which the settling IP's own page or the next write brings.
 */
const pollWhilePending = (listing: Pick<Listing<Pick<Ip, 'state'>>, 'items' | 'complete'> | undefined) =>
  listing?.complete && listing.items.length <= MAX_PAGE_SIZE && listing.items.some((ip) => ip.state === 'pending') ? POLL_MS : false

export const ipApi = (client: Client) => new Instancev1.API(client)

/** What a person reads as the IP: the address, or for a routed IPv6 its /64 prefix (its address is null). */
export const ipLabel = (ip: Pick<Ip, 'type' | 'address' | 'prefix'>) => (ip.type === 'routed_ipv6' ? ip.prefix || ip.address : ip.address || ip.prefix)

export const ipQueries = {
  all: () => [LIST_KEYS.ips[0]] as const,
  lists: () => LIST_KEYS.ips,
  /**
   * Every IP of one zone, every page (the attached filter needs them all): a `Listing`
   * that shows its pages as they come, `complete` once the last is in.
   */
  zone: (client: Client, zone: string, filters: IpFilters = NO_IP_FILTERS) =>
    queryOptions({
      queryKey: [...ipQueries.lists(), { zone, ...filters }] as const,
      queryFn: streamAllPages<Ip>(async (page, perPage) => {
        const { ips, totalCount } = await ipApi(client).listIps({
          zone: zoneParam(zone),
          type: filters.type || undefined,
          tags: filters.tags.length ? filters.tags : undefined,
          project: filters.project ? uuidParam(filters.project, 'project id') : undefined,
          page,
          perPage,
        })
        return { items: ips, totalCount }
      }, (ip) => ip.id),
      refetchInterval: (query) => pollWhilePending(query.state.data),
    }),
  /** How many flexible IPs a zone has: one item fetched, the count from X-Total-Count. */
  count: (client: Client, zone: string) =>
    queryOptions({
      queryKey: [...ipQueries.lists(), { zone, count: true }] as const,
      queryFn: async () => (await ipApi(client).listIps({ zone: zoneParam(zone), perPage: 1 })).totalCount,
    }),
}

/** Every IP list of one zone. */
export const ipZoneFilter = (zone: string) => zoneListsFilter(ipQueries.lists(), zone)
