import { Instancev1 } from '@scaleway/sdk-instance'

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

export const DEFAULT_ZONE = 'fr-par-1'

export function isKnownZone(value: string | null | undefined): value is string {
  return value != null && ZONES.includes(value)
}

/** `fr-par-1` → `fr-par`. */
export function regionOf(zone: string): string {
  return zone.replace(/-\d+$/, '')
}

/** Regions derived from the zones, in order of first appearance. */
export const REGIONS: readonly string[] = [...new Set(ZONES.map(regionOf))]

const REGION_LABELS: Record<string, string> = {
  'fr-par': 'Paris',
  'nl-ams': 'Amsterdam',
  'pl-waw': 'Warsaw',
  'it-mil': 'Milan',
}

/** "Paris 1" for fr-par-1; the raw id for a zone the console has no city name for. */
export function zoneLabel(zone: string): string {
  const city = REGION_LABELS[regionOf(zone)]
  const index = /-(\d+)$/.exec(zone)?.[1]
  return city && index ? `${city} ${index}` : zone
}
