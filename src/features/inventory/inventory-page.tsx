import { PageHeader } from '@/components/ui/page-header'
import { useZoneFanOut, type ZoneState } from '@/lib/scaleway/fan-out'
import { ZONES } from '@/lib/scaleway/localities'
import { instanceQueries } from '@/features/instances'
import { ipQueries } from '@/features/ips'
import { useScalewayClient } from '@/features/session'
import { ZoneCard } from './zone-card'

export interface ZoneCount {
  zone: string
  count: number
}

/** A zone's count as fan-out rows: none when zero, so the zone reads as "empty". */
const countRows = (count: number, zone: string): ZoneCount[] => (count > 0 ? [{ zone, count }] : [])

const byZone = (zones: ZoneState[]) => new Map(zones.map((z) => [z.zone, z]))
const countsByZone = (rows: ZoneCount[]) => new Map(rows.map((r) => [r.zone, r.count]))

export function InventoryPage() {
  const client = useScalewayClient()
  // Counts only: one item per zone and list, the total from X-Total-Count.
  const servers = useZoneFanOut({ query: (zone) => instanceQueries.count(client, zone), rows: countRows })
  const ips = useZoneFanOut({ query: (zone) => ipQueries.count(client, zone), rows: countRows })
  const serverStates = byZone(servers.zones)
  const ipStates = byZone(ips.zones)
  const serverCounts = countsByZone(servers.rows)
  const ipCounts = countsByZone(ips.rows)
  const total = (rows: ZoneCount[]) => rows.reduce((sum, r) => sum + r.count, 0)
  const failed = new Set([...servers.zones, ...ips.zones].filter((z) => z.status === 'failed' || z.status === 'forbidden').map((z) => z.zone))
  // One summary line rather than an alert per failing zone.
  const summary = !servers.isComplete || !ips.isComplete
    ? `Counting resources in ${ZONES.length} zones…`
    : `${total(servers.rows)} instances and ${total(ips.rows)} flexible IPs across ${ZONES.length - failed.size} zones` +
      (failed.size ? ` (${failed.size} ${failed.size === 1 ? 'zone' : 'zones'} could not be read)` : '')

  return (
    <>
      <PageHeader title="Inventory" description={summary} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {ZONES.map((zone) => (
          <ZoneCard
            key={zone}
            zone={zone}
            servers={{ state: serverStates.get(zone), count: serverCounts.get(zone) ?? 0 }}
            ips={{ state: ipStates.get(zone), count: ipCounts.get(zone) ?? 0 }}
          />
        ))}
      </ul>
    </>
  )
}
