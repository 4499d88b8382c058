import { Instancev1 } from '@scaleway/sdk-instance'
import { DEFAULT_ZONE, regionOf, zoneLabel } from './zones'

export { DEFAULT_ZONE, regionOf, zoneLabel }

/**
 * Zones the live Instance API answers that this SDK release does not list yet
 * (the recordings show it-mil-1 served with 200). Once the SDK's LOCALITY lists
 * a zone, the duplicate is dropped, so this list only ever adds.
 */
const LIVE_ZONES_NOT_IN_SDK = ['it-mil-1'] as const

function sdkZones(): string[] {
  const locality = Instancev1.API.LOCALITY
  return locality.type === 'zone' ? [...locality.zones] : []
}

/** Every zone the Instance API serves, in the SDK's order, then the extras. */
export const ZONES: readonly string[] = [...new Set([...sdkZones(), ...LIVE_ZONES_NOT_IN_SDK])]

export function isKnownZone(value: string | null | undefined): value is string {
  return value != null && ZONES.includes(value)
}

/** Regions derived from the zones, in order of first appearance. */
export const REGIONS: readonly string[] = [...new Set(ZONES.map(regionOf))]
