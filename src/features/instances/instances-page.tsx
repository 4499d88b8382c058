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
import { instanceQueries, SERVERS_PER_PAGE } from './instance-queries'
import { InstancesTable } from './instances-table'

export function InstancesPage() {
  const client = useScalewayClient()
  const { zone, unknownZone } = useZoneParam()
  const [page, setPage] = usePageParam()
  const servers = useQuery(instanceQueries.list(client, { zone, page }))

  return (
    <>
      <PageHeader title="Instances" description={`Servers in ${zone} (${zoneLabel(zone)})`} />
      <UnknownZoneNotice unknownZone={unknownZone} zone={zone} />
      <QueryStates
        query={servers}
        loadingLabel={`Loading instances of ${zone}…`}
        isEmpty={(data) => data.servers.length === 0}
        empty={
          <EmptyState title={page > 1 ? `No instances on page ${page}` : `No instances in ${zone}`}>
            {page > 1
              ? 'This page is past the end of the list.'
              : 'Pick another zone in the header, or create a server with the Scaleway CLI or console.'}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <InstancesTable servers={data.servers} zone={zone} />
            <Pagination
              page={page}
              perPage={SERVERS_PER_PAGE}
              total={data.totalCount}
              onPageChange={setPage}
              noun="instances"
            />
          </>
        )}
      </QueryStates>
    </>
  )
}
