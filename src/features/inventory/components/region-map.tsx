import { memo } from 'react'
import { REGIONS, regionOf } from '@/lib/scaleway/localities'
import { cn } from '@/lib/utils'
import type { InventoryZone } from '../api/use-inventory'
import type { InventoryLinks } from '../inventory-links'
import type { ZoneSummary } from '../inventory-model'
import { ZoneCard } from './zone-card'

/**
 * Where each region sits on a map of Europe, as a 2×2 grid: Amsterdam north-west,
 * Warsaw north-east, Paris south-west, Milan south-east. A region Scaleway adds later
 * follows below, in the SDK's order.
 */
const PLACES: Record<string, { city: string; place: string }> = {
  'nl-ams': { city: 'Amsterdam', place: 'lg:col-start-1 lg:row-start-1' },
  'pl-waw': { city: 'Warsaw', place: 'lg:col-start-2 lg:row-start-1' },
  'fr-par': { city: 'Paris', place: 'lg:col-start-1 lg:row-start-2' },
  'it-mil': { city: 'Milan', place: 'lg:col-start-2 lg:row-start-2' },
}

interface RegionMapProps {
  zones: InventoryZone[]
  summaries: Map<string, ZoneSummary>
  links: InventoryLinks
}

export const RegionMap = memo(function RegionMap({ zones, summaries, links }: RegionMapProps) {
  return (
    <section aria-labelledby="regions-heading" className="mb-6">
      <h2 id="regions-heading" className="mb-3 text-lg font-semibold text-slate-900">
        Regions and zones
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        {REGIONS.map((region) => {
          const inRegion = zones.filter((z) => regionOf(z.zone) === region)
          const sum = (pick: (s: ZoneSummary) => number) =>
            inRegion.reduce((total, z) => total + pick(summaries.get(z.zone) as ZoneSummary), 0)
          const servers = sum((s) => s.servers)
          const ips = sum((s) => s.ipsAttached + s.ipsDetached)
          const headingId = `region-${region}`
          return (
            <section key={region} aria-labelledby={headingId} className={cn('rounded-lg border border-slate-200 bg-slate-50 p-4', PLACES[region]?.place)}>
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                <h3 id={headingId} className="font-semibold text-slate-900">
                  {PLACES[region]?.city ?? region} <span className="font-normal text-slate-500">({region})</span>
                </h3>
                <p className="text-sm text-slate-600">
                  {servers} {servers === 1 ? 'instance' : 'instances'} · {ips} flexible {ips === 1 ? 'IP' : 'IPs'}
                </p>
              </div>
              <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
                {inRegion.map((zone) => (
                  <ZoneCard key={zone.zone} zone={zone} summary={summaries.get(zone.zone) as ZoneSummary} links={links} />
                ))}
              </ul>
            </section>
          )
        })}
      </div>
    </section>
  )
})
