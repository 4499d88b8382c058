import {
  experimental_streamedQuery,
  type QueryClient,
  type QueryKey,
  useQueries,
  useQueryClient,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query'
import { Errors } from '@scaleway/sdk-client'
import pLimit from 'p-limit'
import { useCallback, useMemo } from 'react'
import { useThrottled } from '@/lib/use-throttled'
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

/** One page and whether it is the list's last (the pages its total announced are all in). */
interface PageRead<T> {
  page: Page<T>
  last: boolean
}

/**
 * The pages of a list in page order, each as soon as it and those before it are in:
 * page 1, then the pages its total announces, at most MAX_PAGES_IN_FLIGHT requests at a
 * time. One request when everything fits a page, never more requests than pages.
 */
async function* readPages<T>(fetchPage: (page: number, perPage: number) => Promise<Page<T>>, perPage: number): AsyncGenerator<PageRead<T>> {
  const first = await fetchPage(1, perPage)
  const pages = Math.min(MAX_PAGES, Math.ceil(first.totalCount / perPage))
  yield { page: first, last: pages <= 1 }
  // Once the read ends early (a page failed, the query was cancelled), pages still waiting for a slot are not asked.
  let ended = false
  const rest = Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
    pageSlots(() => (ended ? Promise.reject(new Error('the list was left before this page')) : fetchPage(i + 2, perPage))),
  )
  // The pages after one that failed still settle: no unhandled rejection.
  for (const pending of rest) pending.catch(() => undefined)
  try {
    for (let i = 0; i < rest.length; i++) yield { page: await (rest[i] as Promise<Page<T>>), last: i === rest.length - 1 }
  } finally {
    ended = true
  }
}

/**
 * Items of page after page, de-duplicated by `keyOf`: pages are offsets, so an item
 * created or deleted while they are read shifts the boundaries (an item may still be
 * missed until the next read; the list is read again on the next change anyway).
 */
async function* listingsOf<T>(
  fetchPage: (page: number, perPage: number) => Promise<Page<T>>,
  keyOf: (item: T) => string,
  perPage: number,
): AsyncGenerator<Listing<T>> {
  const seen = new Set<string>()
  let items: T[] = []
  let totalCount: number | undefined
  for await (const { page, last } of readPages(fetchPage, perPage)) {
    // The first page's total decides how many pages are read.
    totalCount ??= page.totalCount
    const fresh = page.items.filter((item) => {
      const key = keyOf(item)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    // A new array per page (the cache holds each as it was), the same items in it.
    items = items.concat(fresh)
    yield { items, totalCount, complete: last }
  }
}

/** Every page of a list, once they are all in (see `streamAllPages` to show them as they come). */
export async function fetchAllPages<T>(
  fetchPage: (page: number, perPage: number) => Promise<Page<T>>,
  keyOf: (item: T) => string,
  perPage = MAX_PAGE_SIZE,
): Promise<Page<T>> {
  let whole: Page<T> = { items: [], totalCount: 0 }
  for await (const { items, totalCount } of listingsOf(fetchPage, keyOf, perPage)) whole = { items, totalCount }
  return whole
}

/** A list read page by page: what is in so far, and whether that is all of it. */
export interface Listing<T> extends Page<T> {
  /**
   * Every page the total announced is in. False while pages still arrive, and in what a
   * first read that failed halfway left behind: the fan-out keeps such a zone 'loading'
   * (or 'failed'), never 'loaded'.
   */
  complete: boolean
}

const NOTHING_YET: Listing<never> = { items: [], totalCount: 0, complete: false }

/**
 * A query function for every page of a list that shows them as they come: the first
 * read writes each page to the cache as soon as it and the ones before it are in
 * (`complete: false` until the last); a later read (a refresh, an invalidation) keeps
 * the list on screen whole and replaces it once the new one is (`refetchMode:
 * 'replace'`), and a refresh that fails leaves it as it was. Same requests as
 * `fetchAllPages`.
 */
export function streamAllPages<T>(
  fetchPage: (page: number, perPage: number) => Promise<Page<T>>,
  keyOf: (item: T) => string,
  perPage = MAX_PAGE_SIZE,
) {
  return experimental_streamedQuery<Listing<T>, Listing<T>>({
    streamFn: () => listingsOf(fetchPage, keyOf, perPage),
    // Each chunk is already the whole list so far.
    reducer: (_, listing) => listing,
    initialValue: NOTHING_YET,
    refetchMode: 'replace',
  })
}

/** False only for a `Listing` still incomplete; any other data is whole as it is. */
const isWhole = (data: unknown) => (data as Partial<Listing<unknown>> | null)?.complete !== false

export type ZoneStatus = 'loading' | 'throttled' | 'loaded' | 'empty' | 'forbidden' | 'failed'

export interface ZoneState {
  zone: string
  status: ZoneStatus
  /** Rows this zone contributed so far (0 until its first page answered). */
  count: number
  /** Some of its rows are in (all of them once it is 'loaded'): a failed refresh keeps them on screen. */
  hasData: boolean
  error: Error | null
  isFetching: boolean
  /** When its data last arrived (ms since epoch; 0 before the first answer). */
  updatedAt: number
  refetch: () => void
}

export interface FanOut<Row> {
  /** Rows of every zone that answered, pages still arriving included, in zone order (the caller sorts). */
  rows: Row[]
  zones: ZoneState[]
  /** Every zone answered or gave up. */
  isComplete: boolean
}

const isStatus = (error: unknown, status: number) => error instanceof Errors.ScalewayError && error.status === status

/** The zone answered, or gave up (forbidden, failed). */
export const isSettled = (zone: Pick<ZoneState, 'status'>) => zone.status !== 'loading' && zone.status !== 'throttled'

/**
 * Not answered yet: nothing in, or a list read page by page whose pages are still
 * arriving (its rows show as they come), or read again after failing halfway.
 */
function isWaiting(result: UseQueryResult<unknown>): boolean {
  if (result.isPending) return true
  const incomplete = result.data !== undefined && !isWhole(result.data)
  return incomplete && (result.isFetching || !result.isError)
}

function zoneStatus(result: UseQueryResult<unknown>, count: number): ZoneStatus {
  if (isWaiting(result)) return isStatus(result.failureReason, 429) ? 'throttled' : 'loading'

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

interface Combined<Row> {
  /** Each zone's rows, as its query holds them (the same array while its data is the same). */
  zoneRows: Row[][]
  zones: ZoneState[]
  isComplete: boolean
}

const NO_ROWS: never[] = []

/**
 * While zones still answer, what the fan-out returns changes at most this often (ms). A view that redraws more
 * from the rows throttles again on top (see the inventory's useInventory).
 */
const ROWS_EVERY_MS = 150

/**
 * A zone whose last answer was a refusal or a failure, within the data's freshness (its `staleTime`, else the default): that
 * is its answer for now, as fresh data would be. Mounting (or finding a query the route prefetched, see
 * app/router.tsx) does not ask again; "Retry" and "Refresh" do.
 */
export function failedLately(queryClient: QueryClient, options: { queryKey: QueryKey; staleTime?: unknown }): boolean {
  const state = queryClient.getQueryState(options.queryKey)
  const fresh = typeof options.staleTime === 'number' ? options.staleTime : queryClient.getDefaultOptions().queries?.staleTime
  return state?.status === 'error' && typeof fresh === 'number' && state.errorUpdatedAt > 0 && Date.now() - state.errorUpdatedAt < fresh
}

/**
 * Every zone in parallel, one query each (so one zone's 403 or 500 never hides the
 * others), merged into rows plus a status per zone. The only place the app loops
 * over zones.
 *
 * Rows are merged outside `combine`: React Query compares what `combine` returns with
 * its previous answer item by item (structural sharing), and one merged array of
 * 10,000 rows, shifted each time a page of an earlier zone arrives, made that a deep
 * comparison of every row per page. Per zone, a page only appends.
 */
export function useZoneFanOut<TData, Row, TKey extends QueryKey = QueryKey>({
  query,
  rows,
  zones = ZONES,
  enabled = true,
}: FanOutOptions<TData, Row, TKey>): FanOut<Row> {
  const combine = useCallback(
    (results: UseQueryResult<TData, Error>[]): Combined<Row> => {
      const zoneRows = results.map((result, i) => (result.data === undefined ? NO_ROWS : rows(result.data, zones[i] as string)))
      const states = results.map((result, i): ZoneState => {
        const count = (zoneRows[i] as Row[]).length
        return {
          zone: zones[i] as string,
          status: zoneStatus(result, count),
          count,
          hasData: result.data !== undefined,
          error: result.error ?? (isWaiting(result) ? (result.failureReason ?? null) : null),
          isFetching: result.isFetching,
          updatedAt: result.dataUpdatedAt,
          refetch: () => void result.refetch(),
        }
      })
      return { zoneRows, zones: states, isComplete: states.every(isSettled) }
    },
    [zones, rows],
  )
  const queryClient = useQueryClient()
  const latest = useQueries({
    queries: zones.map((zone) => {
      const options = query(zone)
      return { ...options, enabled, retryOnMount: !failedLately(queryClient, options) }
    }),
    combine,
  })
  // Rows and statuses change together (a caller may read one against the other).
  const { zoneRows, zones: states, isComplete } = useThrottled(latest, ROWS_EVERY_MS, !latest.isComplete, zones.join())
  const all = useMemo(() => zoneRows.flat() as Row[], [zoneRows])
  return useMemo(() => ({ rows: all, zones: states, isComplete }), [all, states, isComplete])
}
