import { useQueries } from '@tanstack/react-query'
import { PageHeader } from '@/components/ui/page-header'
import { ZONES } from '@/lib/scaleway/localities'
import { useScalewayClient } from '@/features/session'
import { inventoryQueries } from './inventory-queries'
import { ZoneCard } from './zone-card'

export function InventoryPage() {
  const client = useScalewayClient()
  const counts = useQueries({ queries: ZONES.map((zone) => inventoryQueries.zoneCounts(client, zone)) })
  const settled = counts.filter((c) => c.isSuccess)
  const failed = counts.filter((c) => c.isError).length
  const totalServers = settled.reduce((sum, c) => sum + c.data.servers, 0)
  const totalIps = settled.reduce((sum, c) => sum + c.data.ips, 0)
  // One summary line rather than an alert per failing zone.
  const summary =
    settled.length + failed < ZONES.length
      ? `Counting resources in ${ZONES.length} zones…`
      : `${totalServers} instances and ${totalIps} flexible IPs across ${settled.length} zones` +
        (failed ? ` (${failed} ${failed === 1 ? 'zone' : 'zones'} could not be read)` : '')

  return (
    <>
      <PageHeader
        title="Inventory"
        description={summary}
      />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {ZONES.map((zone, i) => (
          <ZoneCard key={zone} zone={zone} counts={counts[i]} />
        ))}
      </ul>
    </>
  )
}
