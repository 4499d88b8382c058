import { isUuid } from '@/lib/scaleway/path-params'
import { ALL_ZONES, zoneSearchParam } from '@/lib/scaleway/use-zone'
import { enumParam, listParam, matchParam, searchPath, type SearchValues } from '@/lib/search-params'
import { IP_TYPES, type IpFilters } from './api/ip-queries'

/** The Flexible IPs view, all of it in the URL. */
export const IPS_SEARCH = {
  zone: zoneSearchParam({ allowAll: true }),
  attached: enumParam(['true', 'false'], ''),
  type: enumParam(IP_TYPES, ''),
  tags: listParam(),
  project: matchParam(isUuid),
}

export type IpsSearch = SearchValues<typeof IPS_SEARCH>

export const isAllZones = (search: Pick<IpsSearch, 'zone'>) => search.zone === ALL_ZONES

/** What goes to the API; `attached` does not (the API has no such filter). */
export const apiFiltersOf = (search: IpsSearch): IpFilters => ({ type: search.type, tags: search.tags, project: search.project })

export const NO_IP_SEARCH_FILTERS = { attached: '', type: '', tags: [], project: '' } satisfies Partial<IpsSearch>

export const hasIpFilters = (search: IpsSearch) => search.attached !== '' || search.type !== '' || search.tags.length > 0 || search.project !== ''

/** A link to the Flexible IPs list showing this view. */
export const ipsPath = (view: Partial<IpsSearch>) => searchPath('/ips', IPS_SEARCH, view)
