import { useMemo } from 'react'
import { EmptyState } from '@/components/ui/empty-state'
import { TableSkeleton } from '@/components/ui/skeleton'
import { ZoneStatusStrip } from '@/components/ui/zone-status-strip'
import { useZoneFanOut } from '@/lib/scaleway/fan-out'
import type { ProjectNames } from '@/lib/scaleway/project-queries'
import { useScalewayClient } from '@/features/session'
import { instanceQueries, type Server, type ServerOrder } from '../api/instance-queries'
import { useWatchMoving } from '../api/use-watch-moving'
import { filtersOf, hasFilters, type InstancesSearch } from '../instances-search'
import { CreateInstanceLink } from './create-instance-link'
import { InstanceCount } from './instance-count'
import { InstancesTable } from './instances-table'

const itemsOf = (page: { items: Server[] }) => page.items

function compare(order: ServerOrder) {
  const field = order.startsWith('creation') ? 'creationDate' : 'modificationDate'
  const sign = order.endsWith('_desc') ? -1 : 1
  return (a: Server, b: Server) => sign * ((a[field]?.getTime() ?? 0) - (b[field]?.getTime() ?? 0))
}

/**
 * Every zone at once, every page of each: rows appear as zones answer, each zone
 * says how it went, and one failing or forbidden zone never hides the others.
 */
export function AllZonesInstances({ search, projects }: { search: InstancesSearch; projects: ProjectNames }) {
  const client = useScalewayClient()
  const filters = filtersOf(search)
  const fanOut = useZoneFanOut({ query: (zone) => instanceQueries.zone(client, zone, filters), rows: itemsOf })
  // Sorted when the lists change, not on each poll of the servers that move: those keep their place until their
  // zone's list is read again (a row does not jump while it is looked at), and a poll does not re-sort 10,000 rows.
  const sorted = useMemo(() => [...fanOut.rows].sort(compare(search.order)), [fanOut.rows, search.order])
  const servers = useWatchMoving(client, sorted)

  return (
    <>
      <ZoneStatusStrip zones={fanOut.zones} noun="instances" />
      {servers.length > 0 ? (
        <>
          <InstanceCount count={servers.length} partial={!fanOut.isComplete} />
          <InstancesTable servers={servers} label="Instances in all zones" projectName={projects.nameOf} />
        </>
      ) : !fanOut.isComplete ? (
        <TableSkeleton label="Loading instances of every zone…" />
      ) : fanOut.zones.every((z) => z.status === 'empty') ? (
        <EmptyState title="No instances in any zone" action={<CreateInstanceLink zone="" />}>
          {hasFilters(filters)
            ? 'Nothing matches these filters in any zone.'
            : 'This key sees no server anywhere.'}
        </EmptyState>
      ) : (
        <EmptyState title="No instances to show">Some zones could not be read; see their status above.</EmptyState>
      )}
    </>
  )
}
