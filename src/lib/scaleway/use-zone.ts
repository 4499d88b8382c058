import { useParams, useSearchParams } from 'react-router'
import type { SearchParam } from '../search-params'
import { DEFAULT_ZONE, isKnownZone } from './localities'

/** `?zone=all`: every zone at once, on the pages that can show it. */
export const ALL_ZONES = 'all'

/** `?zone=` on zoned pages: a known zone (or `all` where the page allows it), else the default zone. */
export function zoneSearchParam({ allowAll = false } = {}): SearchParam<string> {
  return {
    parse: (raw) => (isKnownZone(raw) || (allowAll && raw === ALL_ZONES) ? raw : undefined),
    serialize: (value) => value,
    default: DEFAULT_ZONE,
  }
}

/** The zone in view anywhere in the shell: an instance page's `:zone`, else `?zone=` (possibly `all`). */
export function useCurrentZone(): string {
  const { zone: pathZone } = useParams()
  const [searchParams] = useSearchParams()
  const queryZone = searchParams.get('zone')
  if (isKnownZone(pathZone)) return pathZone
  if (isKnownZone(queryZone) || queryZone === ALL_ZONES) return queryZone
  return DEFAULT_ZONE
}
