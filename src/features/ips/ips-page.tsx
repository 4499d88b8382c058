import { useQuery } from '@tanstack/react-query'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { QueryStates } from '@/components/ui/query-states'
import { UnknownZoneNotice } from '@/components/ui/unknown-zone-notice'
import { zoneLabel } from '@/lib/scaleway/localities'
import { useZoneParam } from '@/lib/scaleway/use-zone'
import { usePageParam } from '@/lib/use-page-param'
import { useScalewayClient } from '@/features/session'
import { ipQueries, IPS_PER_PAGE } from './ip-queries'
import { IpsTable } from './ips-table'

export function IpsPage() {
  const client = useScalewayClient()
  const { zone, unknownZone } = useZoneParam()
  const [page, setPage] = usePageParam()
  const ips = useQuery(ipQueries.list(client, { zone, page }))

  return (
    <>
      <PageHeader title="Flexible IPs" description={`Public IPs in ${zone} (${zoneLabel(zone)})`} />
      <UnknownZoneNotice unknownZone={unknownZone} zone={zone} />
      <QueryStates
        query={ips}
        loadingLabel={`Loading flexible IPs of ${zone}…`}
        isEmpty={(data) => data.ips.length === 0}
        empty={<EmptyState title={`No flexible IPs in ${zone}`}>Pick another zone in the header.</EmptyState>}
      >
        {(data) => (
          <>
            <IpsTable ips={data.ips} zone={zone} />
            <Pagination
              page={page}
              perPage={IPS_PER_PAGE}
              total={data.totalCount}
              noun="flexible IPs"
              onPageChange={setPage}
            />
          </>
        )}
      </QueryStates>
    </>
  )
}
