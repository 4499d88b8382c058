import { Instancev1 } from '@scaleway/sdk-instance'
import { describe, expect, it } from 'vitest'
import { isKnownZone, regionOf, REGIONS, ZONES, zoneLabel } from './localities'

describe('localities', () => {
  it('takes every zone the SDK lists, plus it-mil-1 once', () => {
    const locality = Instancev1.API.LOCALITY
    const sdkZones = locality.type === 'zone' ? locality.zones : []
    expect(sdkZones.length).toBeGreaterThan(0)
    for (const zone of sdkZones) expect(ZONES).toContain(zone)
    expect(ZONES.filter((z) => z === 'it-mil-1')).toHaveLength(1)
  })

  it('derives regions and labels', () => {
    expect(regionOf('nl-ams-3')).toBe('nl-ams')
    expect(REGIONS).toEqual(expect.arrayContaining(['fr-par', 'nl-ams', 'pl-waw', 'it-mil']))
    expect(zoneLabel('pl-waw-2')).toBe('Warsaw 2')
    expect(isKnownZone('xx-yyy-9')).toBe(false)
    expect(isKnownZone(null)).toBe(false)
  })
})
