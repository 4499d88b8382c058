import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ErrorPanel } from './error-panel'
import { TableSkeleton } from './skeleton'

interface QueryStatesProps<T> {
  query: UseQueryResult<T>
  /** Announced while the first load runs. */
  loadingLabel: string
  isEmpty: (data: T) => boolean
  empty: ReactNode
  children: (data: T) => ReactNode
}

/**
 * The four states every list designs: loading, error, empty and data. A failed
 * refetch keeps the data on screen and shows the error above it.
 */
export function QueryStates<T>({ query, loadingLabel, isEmpty, empty, children }: QueryStatesProps<T>) {
  if (query.isPending) return <TableSkeleton label={loadingLabel} />
  if (query.isError && query.data === undefined) {
    return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
  }
  const data = query.data as T
  return (
    <>
      {query.isError && <ErrorPanel className="mb-4" error={query.error} onRetry={() => void query.refetch()} />}
      <div aria-busy={query.isFetching && query.isPlaceholderData}>{isEmpty(data) ? empty : children(data)}</div>
    </>
  )
}
