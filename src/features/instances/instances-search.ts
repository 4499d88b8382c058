import { isUuid } from '@/lib/scaleway/path-params'
import { ALL_ZONES, zoneSearchParam } from '@/lib/scaleway/use-zone'
import { enumParam, intParam, listParam, matchParam, searchPath, stringParam, type SearchValues } from '@/lib/search-params'
import { DEFAULT_PAGE_SIZE, SERVER_ORDERS, SERVER_STATES, type ServerFilters } from './api/instance-queries'

/** The Instances list's view, all of it in the URL so a link or a reload shows the same thing. */
export const INSTANCES_SEARCH = {
  zone: zoneSearchParam({ allowAll: true }),
  name: stringParam(),
  state: enumParam(SERVER_STATES, ''),
  tags: listParam(),
  project: matchParam(isUuid),
  order: enumParam(SERVER_ORDERS, 'creation_date_desc'),
  page: intParam(1),
  per_page: intParam(DEFAULT_PAGE_SIZE, { max: 100 }),
}

export type InstancesSearch = SearchValues<typeof INSTANCES_SEARCH>

export const isAllZones = (search: Pick<InstancesSearch, 'zone'>) => search.zone === ALL_ZONES

export function filtersOf(search: InstancesSearch): ServerFilters {
  return { name: search.name, state: search.state, tags: search.tags, project: search.project, order: search.order }
}

/** The patch that clears every filter (the zone and order stay). */
export const NO_FILTERS = { name: '', state: '', tags: [], project: '' } satisfies Partial<InstancesSearch>

export const hasFilters = (search: Pick<InstancesSearch, keyof typeof NO_FILTERS>) =>
  search.name !== '' || search.state !== '' || search.tags.length > 0 || search.project !== ''

/** Every server, unfiltered, in the all-zones list's default order: the cache the Instances page and the inventory share. */
export const ALL_SERVERS: ServerFilters = { ...NO_FILTERS, order: INSTANCES_SEARCH.order.default }

/** A link to the Instances list showing this view. */
export const instancesPath = (view: Partial<InstancesSearch>) => searchPath('/instances', INSTANCES_SEARCH, view)
