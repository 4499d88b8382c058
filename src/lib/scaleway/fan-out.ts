import { useQueries, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query'
import { Errors } from '@scaleway/sdk-client'
import pLimit from 'p-limit'
import { useCallback } from 'react'
import { ZONES } from './localities'

/** The most any Scaleway list returns per page. */
export const MAX_PAGE_SIZE = 100
/** Never more follow-up page requests in flight than this, across every list being followed. */
export const MAX_PAGES_IN_FLIGHT = 6
/** A list longer than this many pages is cut (100,000 items): a safety net, not a limit anyone should meet. */
const MAX_PAGES = 1_000

const pageSlots = pLimit(MAX_PAGES_IN_FLIGHT)

export interface Page<T> {
  items: T[]
  /** From X-Total-Count (Instance) or `total_count` (IAM, Account, Block), as the SDK reads it. */
  totalCount: number
}

/**
 * Every page of a list: page 1, then the pages its total announces, at most
 * MAX_PAGES_IN_FLIGHT requests at a time. One request when everything fits a page.
 * Pages are offsets: an item created or deleted while they are read shifts the
 * boundaries, so items are de-duplicated by `keyOf` (an item may still be missed
 * until the next read; the list is read again on the next change anyway).
 */
export async function fetchAllPages<T>(
  fetchPage: (page: number, perPage: number) => Promise<Page<T>>,
  keyOf: (item: T) => string,
  perPage = MAX_PAGE_SIZE,
): Promise<Page<T>> {
  const first = await fetchPage(1, perPage)
  const pages = Math.min(MAX_PAGES, Math.ceil(first.totalCount / perPage))
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) => pageSlots(() => fetchPage(i + 2, perPage))),
  )
  const seen = new Set<string>()
  const items = first.items.concat(...rest.map((page) => page.items)).filter((item) => {
    const key = keyOf(item)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return { items, totalCount: first.totalCount }
}

export type ZoneStatus = 'loading' | 'throttled' | 'loaded' | 'empty' | 'forbidden' | 'failed'

export interface ZoneState {
  zone: string
  status: ZoneStatus
  /** Rows this zone contributed (0 until it answered). */
  count: number
  /** It answered at least once: a failed refresh keeps those rows on screen. */
  hasData: boolean
  error: Error | null
  isFetching: boolean
  /** When its data last arrived (ms since epoch; 0 before the first answer). */
  updatedAt: number
  refetch: () => void
}

export interface FanOut<Row> {
  /** Rows of every zone that answered, in zone order (the caller sorts). */
  rows: Row[]
  zones: ZoneState[]
  /** Every zone answered or gave up. */
  isComplete: boolean
}

const isStatus = (error: unknown, status: number) => error instanceof Errors.ScalewayError && error.status === status

/** The zone answered, or gave up (forbidden, failed). */
export const isSettled = (zone: Pick<ZoneState, 'status'>) => zone.status !== 'loading' && zone.status !== 'throttled'

function zoneStatus(result: UseQueryResult<unknown>, count: number): ZoneStatus {
  if (result.isPending) return isStatus(result.failureReason, 429) ? 'throttled' : 'loading'
  if (result.isError) {
    if (result.error instanceof Errors.PermissionsDeniedError) return 'forbidden'
    return 'failed'
  }
  return count === 0 ? 'empty' : 'loaded'
}

interface FanOutOptions<TData, Row, TKey extends QueryKey> {
  /** One query per zone; the zone must be part of its key. */
  query: (zone: string) => UseQueryOptions<TData, Error, TData, TKey>
  /** The rows of one zone's answer. Give a stable function (module level or useCallback). */
  rows: (data: TData, zone: string) => Row[]
  zones?: readonly string[]
  enabled?: boolean
}

/**
 * Every zone in parallel, one query each (so one zone's 403 or 500 never hides the
 * others), merged into rows plus a status per zone. The only place the app loops
 * over zones.
 */
export function useZoneFanOut<TData, Row, TKey extends QueryKey = QueryKey>({
  query,
  rows,
  zones = ZONES,
  enabled = true,
}: FanOutOptions<TData, Row, TKey>): FanOut<Row> {
  const combine = useCallback(
    (results: UseQueryResult<TData, Error>[]): FanOut<Row> => {
      const all: Row[] = []
      const states = results.map((result, i): ZoneState => {
        const zone = zones[i] as string
        const zoneRows = result.data === undefined ? [] : rows(result.data, zone)
        all.push(...zoneRows)
        return {
          zone,
          status: zoneStatus(result, zoneRows.length),
          count: zoneRows.length,
          hasData: result.data !== undefined,
          error: result.error ?? (result.isPending ? (result.failureReason ?? null) : null),
          isFetching: result.isFetching,
          updatedAt: result.dataUpdatedAt,
          refetch: () => void result.refetch(),
        }
      })
      return { rows: all, zones: states, isComplete: states.every(isSettled) }
    },
    [zones, rows],
  )
  return useQueries({ queries: zones.map((zone) => ({ ...query(zone), enabled })), combine })
}
