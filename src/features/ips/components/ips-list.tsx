import { useMemo } from 'react'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorPanel } from '@/components/ui/error-panel'
import { TableSkeleton } from '@/components/ui/skeleton'
import { ZoneStatusStrip } from '@/components/ui/zone-status-strip'
import { useZoneFanOut } from '@/lib/scaleway/fan-out'
import { ZONES } from '@/lib/scaleway/localities'
import type { ProjectNames } from '@/lib/scaleway/project-queries'
import { useScalewayClient } from '@/features/session'
import { ipQueries, type Ip } from '../api/ip-queries'
import { apiFiltersOf, hasIpFilters, isAllZones, NO_IP_SEARCH_FILTERS, type IpsSearch } from '../ips-search'
import { useRefreshWhenAttached } from '../api/use-refresh-when-attached'
import { IpsTable } from './ips-table'

const itemsOf = (listing: { items: Ip[] }) => listing.items

interface IpsListProps {
  search: IpsSearch
  setSearch: (patch: Partial<IpsSearch>) => void
  projects: ProjectNames
  onReserve: () => void
}

/**
 * One zone or every zone (the same fan-out as Instances), every page of each, since
 * the attached filter is applied here and must see them all.
 */
export function IpsList({ search, setSearch, projects, onReserve }: IpsListProps) {
  const client = useScalewayClient()
  const all = isAllZones(search)
  const zones = useMemo(() => (all ? ZONES : [search.zone]), [all, search.zone])
  const filters = apiFiltersOf(search)
  const fanOut = useZoneFanOut({ zones, query: (zone) => ipQueries.zone(client, zone, filters), rows: itemsOf })
  const shown = search.attached === '' ? fanOut.rows : fanOut.rows.filter((ip) => (ip.server !== undefined) === (search.attached === 'true'))
  const detached = fanOut.rows.filter((ip) => !ip.server).length
  const where = all ? 'any zone' : search.zone
  useRefreshWhenAttached(fanOut.rows)
  // With one zone, its error is the page's: in place of the table when nothing was ever
  // read, above it when a refresh failed (the rows stay). With all zones, the strip says which.
  const zoneError = all ? undefined : fanOut.zones.find((z) => z.status === 'failed' || z.status === 'forbidden')
  const failedZone = zoneError && !zoneError.hasData ? zoneError : undefined

  return (
    <>
      {all && <ZoneStatusStrip zones={fanOut.zones} noun="flexible IPs" />}
      {failedZone ? (
        <ErrorPanel error={failedZone.error} onRetry={failedZone.refetch} />
      ) : shown.length > 0 ? (
        <>
          {zoneError?.hasData && <ErrorPanel className="mb-4" error={zoneError.error} onRetry={zoneError.refetch} />}
          <p className="mb-2 text-sm font-medium text-slate-700">
            {shown.length} flexible {shown.length === 1 ? 'IP' : 'IPs'}
            {fanOut.isComplete ? '' : ' so far'}
            {detached > 0 && (
              <span className="ml-2 font-normal text-amber-800">
                · {detached} detached {detached === 1 ? 'IP is' : 'IPs are'} billed while unused
              </span>
            )}
          </p>
          <IpsTable ips={shown} label={all ? 'Flexible IPs in all zones' : `Flexible IPs in ${search.zone}`} projectName={projects.nameOf} />
        </>
      ) : !fanOut.isComplete ? (
        <TableSkeleton label={`Loading flexible IPs of ${where}…`} />
      ) : hasIpFilters(search) ? (
        <EmptyState title={`No flexible IPs in ${where} match these filters`} action={<Button variant="secondary" onClick={() => setSearch(NO_IP_SEARCH_FILTERS)}>Clear filters</Button>} />
      ) : (
        <EmptyState title={`No flexible IPs in ${where}`} action={<Button onClick={onReserve}>Reserve a flexible IP</Button>}>
          A flexible IP is a public address you keep while servers come and go.
        </EmptyState>
      )}
    </>
  )
}
