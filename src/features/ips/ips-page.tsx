import { useQuery } from '@tanstack/react-query'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { QueryStates } from '@/components/ui/query-states'
import { UnknownZoneNotice } from '@/components/ui/unknown-zone-notice'
import { zoneLabel } from '@/lib/scaleway/localities'
import { zoneSearchParam } from '@/lib/scaleway/use-zone'
import { intParam, useSearch } from '@/lib/search-params'
import { useScalewayClient } from '@/features/session'
import { ipQueries, IPS_PER_PAGE } from './ip-queries'
import { IpsTable } from './ips-table'

const SEARCH = { zone: zoneSearchParam(), page: intParam(1) }

export function IpsPage() {
  const { search, invalid, setSearch } = useSearch(SEARCH)
  const { zone } = search
  return (
    <>
      <PageHeader title="Flexible IPs" description={`Public IPs in ${zone} (${zoneLabel(zone)})`} />
      <UnknownZoneNotice unknownZone={invalid.zone ?? null} zone={zone} />
      {/* Keyed by zone: the previous page is kept while the next loads, never across zones. */}
      <ZoneIps key={zone} zone={zone} page={search.page} onPageChange={(page) => setSearch({ page })} />
    </>
  )
}

function ZoneIps({ zone, page, onPageChange }: { zone: string; page: number; onPageChange: (page: number) => void }) {
  const client = useScalewayClient()
  const ips = useQuery(ipQueries.list(client, { zone, page }))
  return (
    <QueryStates
      query={ips}
      loadingLabel={`Loading flexible IPs of ${zone}…`}
      isEmpty={(data) => data.ips.length === 0}
      empty={<EmptyState title={`No flexible IPs in ${zone}`}>Pick another zone in the header.</EmptyState>}
    >
      {(data) => (
        <>
          <IpsTable ips={data.ips} zone={zone} />
          <Pagination page={page} perPage={IPS_PER_PAGE} total={data.totalCount} noun="flexible IPs" onPageChange={onPageChange} />
        </>
      )}
    </QueryStates>
  )
}
