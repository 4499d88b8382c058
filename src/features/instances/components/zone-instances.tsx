import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Pagination } from '@/components/ui/pagination'
import { QueryStates } from '@/components/ui/query-states'
import type { ProjectNames } from '@/lib/scaleway/project-queries'
import { useScalewayClient } from '@/features/session'
import { instanceQueries, PAGE_SIZES } from '../api/instance-queries'
import { filtersOf, hasFilters, NO_FILTERS, type InstancesSearch } from '../instances-search'
import { CreateInstanceLink } from './create-instance-link'
import { InstancesTable } from './instances-table'
import { InstanceCount } from './instance-count'

interface ZoneInstancesProps {
  search: InstancesSearch
  setSearch: (patch: Partial<InstancesSearch>) => void
  projects: ProjectNames
}

/** One zone, server-side pages; the next page is fetched before it is asked for. */
export function ZoneInstances({ search, setSearch, projects }: ZoneInstancesProps) {
  const client = useScalewayClient()
  const queryClient = useQueryClient()
  const { zone, page, per_page: perPage } = search
  const params = { zone, page, perPage, ...filtersOf(search) }
  const servers = useQuery(instanceQueries.page(client, params))
  const total = servers.data?.totalCount
  const next = total !== undefined && page * perPage < total ? instanceQueries.page(client, { ...params, page: page + 1 }) : null
  // The key names the next page exactly; prefetch when it changes.
  const nextKey = next ? JSON.stringify(next.queryKey) : null

  useEffect(() => {
    if (next) void queryClient.prefetchQuery(next)
    // `next` is rebuilt every render; `nextKey` says when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nextKey, queryClient])

  return (
    <QueryStates
      query={servers}
      loadingLabel={`Loading instances of ${zone}…`}
      isEmpty={(data) => data.items.length === 0}
      empty={
        page > 1 && total ? (
          <EmptyState title={`No instances on page ${page}`} action={<Button variant="secondary" onClick={() => setSearch({ page: 1 })}>Go to page 1</Button>}>
            This page is past the end of the list ({total} instances).
          </EmptyState>
        ) : hasFilters(search) ? (
          <EmptyState
            title={`No instances in ${zone} match these filters`}
            action={<Button variant="secondary" onClick={() => setSearch(NO_FILTERS)}>Clear filters</Button>}
          />
        ) : (
          <EmptyState title={`No instances in ${zone}`} action={<CreateInstanceLink zone={zone} />}>
            Create one here, or pick another zone in the header.
          </EmptyState>
        )
      }
    >
      {(data) => (
        <>
          <InstanceCount count={data.totalCount} />
          <InstancesTable servers={data.items} label={`Instances in ${zone}`} projectName={projects.nameOf} />
          <Pagination
            page={page}
            perPage={perPage}
            total={data.totalCount}
            onPageChange={(next) => setSearch({ page: next })}
            noun="instances"
            perPageOptions={PAGE_SIZES}
            onPerPageChange={(next) => setSearch({ per_page: next })}
          />
        </>
      )}
    </QueryStates>
  )
}
