import { useParams, useSearchParams } from 'react-router'
import { DEFAULT_ZONE, isKnownZone } from './localities'

export interface ZoneParam {
  zone: string
  /** The `?zone=` value when it named no zone the console knows; the page says so. */
  unknownZone: string | null
}

/** The zone of zoned pages lives in `?zone=`, so links and reloads keep it. */
export function useZoneParam(): ZoneParam {
  const [searchParams] = useSearchParams()
  const raw = searchParams.get('zone')
  if (raw === null || raw === '') return { zone: DEFAULT_ZONE, unknownZone: null }
  return isKnownZone(raw) ? { zone: raw, unknownZone: null } : { zone: DEFAULT_ZONE, unknownZone: raw }
}

/** The zone in view anywhere in the shell: an instance page's `:zone`, else `?zone=`. */
export function useCurrentZone(): string {
  const { zone: pathZone } = useParams()
  const { zone } = useZoneParam()
  return isKnownZone(pathZone) ? pathZone : zone
}
