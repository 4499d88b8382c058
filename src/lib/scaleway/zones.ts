/** Zone helpers that need no SDK import (the client and the sign-in page use them). */

export const DEFAULT_ZONE = 'fr-par-1'

/** `fr-par-1` → `fr-par`. */
export function regionOf(zone: string): string {
  return zone.replace(/-\d+$/, '')
}

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
