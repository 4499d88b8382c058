import type { Client } from '@scaleway/sdk-client'
import { Instancev1 } from '@scaleway/sdk-instance'
import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query'
import { streamAllPages, type Page } from '@/lib/scaleway/fan-out'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { POLL_MS } from '@/lib/scaleway/polling'
import { LIST_KEYS, zoneListsFilter as listsOfZone } from '@/lib/scaleway/zone-filter'

export type Server = Instancev1.Server
export type ServerState = Instancev1.ServerState
export type ServerOrder = Instancev1.ListServersRequestOrder

export const SERVER_STATES: readonly ServerState[] = ['running', 'stopped', 'stopped in place', 'starting', 'stopping', 'locked']
export const SERVER_ORDERS: readonly ServerOrder[] = ['creation_date_desc', 'creation_date_asc', 'modification_date_desc', 'modification_date_asc']
export const PAGE_SIZES = [10, 20, 50, 100] as const
export const DEFAULT_PAGE_SIZE = 50

/** What the Instance API filters on: sent as its own query parameters, never filtered here. */
export interface ServerFilters {
  name: string
  state: ServerState | ''
  tags: string[]
  project: string
  order: ServerOrder
}

export interface ServerPageParams extends ServerFilters {
  zone: string
  page: number
  perPage: number
}

export { POLL_MS }
/** Moving servers followed per zone and request (one page of the `servers=` filter). */
export const MAX_WATCHED = 100

export const isMoving = (server: Pick<Server, 'state'>) => server.state === 'starting' || server.state === 'stopping'

/** `refetchInterval` for anything holding servers: poll while one moves, stop when all settle. */
export const pollWhileMoving = (servers: readonly Pick<Server, 'state'>[] | undefined): number | false =>
  servers?.some(isMoving) ? POLL_MS : false

export const instanceApi = (client: Client) => new Instancev1.API(client)

function listRequest(zone: string, filters: ServerFilters): Instancev1.ListServersRequest {
  return {
    zone: zoneParam(zone),
    name: filters.name || undefined,
    state: filters.state || undefined,
    tags: filters.tags.length ? filters.tags : undefined,
    project: filters.project ? uuidParam(filters.project, 'project id') : undefined,
    order: filters.order,
  }
}

export const instanceQueries = {
  all: () => [LIST_KEYS.instances[0]] as const,
  lists: () => LIST_KEYS.instances,
  /** One page of one zone (server-side pages; the total comes from X-Total-Count). */
  page: (client: Client, { zone, page, perPage, ...filters }: ServerPageParams) =>
    queryOptions({
      queryKey: [...instanceQueries.lists(), { zone, ...filters, page, perPage }] as const,
      queryFn: async (): Promise<Page<Server>> => {
        const { servers, totalCount } = await instanceApi(client).listServers({ ...listRequest(zone, filters), page, perPage })
        return { items: servers, totalCount }
      },
      // The previous page stays on screen while the next loads (the key changes zone only
      // through a remount: the zone is in the page's key, see instances-page.tsx).
      placeholderData: keepPreviousData,
      refetchInterval: (query) => pollWhileMoving(query.state.data?.items),
    }),
  /**
   * Every page of one zone, for the all-zones fan-out: a `Listing` that shows its pages
   * as they come (`complete` once the last is in), and on a refresh keeps the old list
   * until the new one is whole. It does not poll itself (that would re-read every page
   * every few seconds): `useWatchMoving` follows the servers that move, then has this
   * read again once they settle.
   */
  zone: (client: Client, zone: string, filters: ServerFilters) =>
    queryOptions({
      queryKey: [...instanceQueries.lists(), { zone, ...filters, page: 'all' }] as const,
      queryFn: streamAllPages<Server>(async (page, perPage) => {
        const { servers, totalCount } = await instanceApi(client).listServers({ ...listRequest(zone, filters), page, perPage })
        return { items: servers, totalCount }
      }, (server) => server.id),
    }),
  /**
   * Just these servers of a zone (`servers=` filter, one request): how the moving ones
   * are followed. Not under `lists()`: it is a watch, never a list to update or show.
   */
  watch: (client: Client, zone: string, ids: readonly string[]) =>
    queryOptions({
      queryKey: [...instanceQueries.all(), 'watch', { zone, servers: ids }] as const,
      queryFn: async () =>
        (await instanceApi(client).listServers({ zone: zoneParam(zone), servers: ids.map((id) => uuidParam(id, 'server id')), perPage: MAX_WATCHED })).servers,
      refetchInterval: (query) => pollWhileMoving(query.state.data),
      // A cached "settled" answer must never be laid over a server that moves again.
      staleTime: 0,
      gcTime: 0,
    }),
  /** How many servers a zone has: one item fetched, the count from X-Total-Count. */
  count: (client: Client, zone: string) =>
    queryOptions({
      queryKey: [...instanceQueries.lists(), { zone, count: true }] as const,
      queryFn: async () => (await instanceApi(client).listServers({ zone: zoneParam(zone), perPage: 1 })).totalCount,
    }),
  details: () => [...instanceQueries.all(), 'detail'] as const,
  detail: (client: Client, zone: string, id: string) =>
    queryOptions({
      queryKey: [...instanceQueries.details(), zone, id] as const,
      queryFn: async () => {
        const { server } = await instanceApi(client).getServer({ zone: zoneParam(zone), serverId: uuidParam(id, 'server id') })
        if (!server) throw new Error(`The Instance API answered without a server for ${id}`)
        return server
      },
      refetchInterval: (query) => pollWhileMoving(query.state.data ? [query.state.data] : undefined),
    }),
}

/**
 * Writes to one server run one after the other, whichever control sent them (an action
 * from the list's menu and a rename on its page): React Query queues mutations that
 * share a scope.
 */
export const serverWriteScope = (serverId: string) => ({ id: `server-${serverId}` })

/** Matches every list query of one zone (pages, all pages, counts): what a write in that zone makes stale. */
export const zoneListsFilter = (zone: string) => listsOfZone(instanceQueries.lists(), zone)

/** Reads a server and its zone's lists again; resolves when they are in (mutations return it). */
export function invalidateServer(queryClient: QueryClient, client: Client, zone: string, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: instanceQueries.detail(client, zone, id).queryKey }),
    queryClient.invalidateQueries(zoneListsFilter(zone)),
  ])
}

/** Every Instances query of one zone (lists, counts, details): what a write elsewhere in that zone (an IP attached) makes stale. */
export const instanceZoneFilter = (zone: string) => ({
  queryKey: instanceQueries.all(),
  predicate: (query: { queryKey: readonly unknown[] }) => {
    const [, kind, third] = query.queryKey
    return kind === 'detail' ? third === zone : (third as { zone?: string } | undefined)?.zone === zone
  },
})
