import { isUuid } from '@/lib/scaleway/path-params'
import { matchParam, stringParam, type SearchValues } from '@/lib/search-params'

/** The inventory's view in the URL: one project and one tag, applied to every zone's answer. */
export const INVENTORY_SEARCH = {
  project: matchParam(isUuid),
  tag: stringParam(),
}

export type InventorySearch = SearchValues<typeof INVENTORY_SEARCH>
