import { Errors } from '@scaleway/sdk-client'
import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { fetchAllPages, type Listing, MAX_PAGES_IN_FLIGHT, type Page, streamAllPages, useZoneFanOut } from './fan-out'

interface Item {
  id: string
  zone: string
}

/**
 * A paged list whose pages answer only when the test says so: `answer(page)` resolves the
 * oldest request for that page with its slice of `items` (or rejects it with `error`).
 */
function pagedList(zone: string, total: number, perPage = 2) {
  let items: Item[] = Array.from({ length: total }, (_, i) => ({ id: `${zone}-${i}`, zone }))
  const waiting: { page: number; resolve: (page: Page<Item>) => void; reject: (error: unknown) => void }[] = []
  const asked: number[] = []
  const fetchPage = (page: number) =>
    new Promise<Page<Item>>((resolve, reject) => {
      asked.push(page)
      waiting.push({ page, resolve, reject })
    })
  const take = (page: number) => {
    const i = waiting.findIndex((w) => w.page === page)
    if (i < 0) throw new Error(`page ${page} was not asked for (waiting: ${waiting.map((w) => w.page).join(', ')})`)
    return waiting.splice(i, 1)[0]!
  }
  return {
    asked,
    /** The next read sees this list instead. */
    setItems: (next: Item[]) => void (items = next),
    stream: streamAllPages<Item>((page) => fetchPage(page), (item) => item.id, perPage),
    fetchPage,
    /** Waits until the page is asked for, then answers it. */
    answer: async (page: number, override?: Item[]) => {
      await waitFor(() => expect(waiting.some((w) => w.page === page)).toBe(true))
      const slice = override ?? items.slice((page - 1) * perPage, page * perPage)
      await act(async () => take(page).resolve({ items: slice, totalCount: items.length }))
    },
    fail: async (page: number, error: unknown) => {
      await waitFor(() => expect(waiting.some((w) => w.page === page)).toBe(true))
      await act(async () => take(page).reject(error))
    },
  }
}

function setup(lists: Record<string, ReturnType<typeof pagedList>>, client = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  const zones = Object.keys(lists)
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>
  const query = (zone: string) => queryOptions({ queryKey: ['test-list', zone], queryFn: lists[zone]!.stream })
  const rows = (listing: Listing<Item>) => listing.items
  return renderHook(() => useZoneFanOut({ zones, query, rows }), { wrapper })
}

const ids = (rows: Item[]) => rows.map((r) => r.id)

describe('streamAllPages through the zone fan-out', () => {
  it('shows the rows of each page as it comes, the zone loading until its last page is in', async () => {
    const par = pagedList('fr-par-1', 5)
    const ams = pagedList('nl-ams-1', 1)
    const { result } = setup({ 'fr-par-1': par, 'nl-ams-1': ams })
    expect(result.current.zones.map((z) => z.status)).toEqual(['loading', 'loading'])

    await par.answer(1)
    await waitFor(() => expect(ids(result.current.rows)).toEqual(['fr-par-1-0', 'fr-par-1-1']))
    expect(result.current.zones[0]).toMatchObject({ status: 'loading', count: 2, hasData: true })
    expect(result.current.isComplete).toBe(false)

    await par.answer(2)
    await waitFor(() => expect(result.current.rows).toHaveLength(4))
    expect(result.current.zones[0]?.status).toBe('loading')

    await ams.answer(1)
    await waitFor(() => expect(result.current.zones[1]?.status).toBe('loaded'))
    // One zone answered whole, the other not yet: "1 of 2".
    expect(result.current.zones[0]?.status).toBe('loading')
    expect(result.current.isComplete).toBe(false)

    await par.answer(3)
    await waitFor(() => expect(result.current.isComplete).toBe(true))
    expect(result.current.zones.map((z) => z.status)).toEqual(['loaded', 'loaded'])
    expect(ids(result.current.rows)).toEqual(['fr-par-1-0', 'fr-par-1-1', 'fr-par-1-2', 'fr-par-1-3', 'fr-par-1-4', 'nl-ams-1-0'])
    // One request per page, never more.
    expect([...par.asked].sort()).toEqual([1, 2, 3])
    expect(ams.asked).toEqual([1])
  })

  it('shows pages in page order even when a later one answers first, and counts an item once', async () => {
    const par = pagedList('fr-par-1', 6)
    const { result } = setup({ 'fr-par-1': par })
    await par.answer(1)
    await par.answer(3)
    await waitFor(() => expect(result.current.rows).toHaveLength(2))
    // Page 2 moved by one (an item created meanwhile): its first item is page 1's last.
    await par.answer(2, [{ id: 'fr-par-1-1', zone: 'fr-par-1' }, { id: 'fr-par-1-2', zone: 'fr-par-1' }])
    await waitFor(() => expect(result.current.isComplete).toBe(true))
    expect(ids(result.current.rows)).toEqual(['fr-par-1-0', 'fr-par-1-1', 'fr-par-1-2', 'fr-par-1-4', 'fr-par-1-5'])
  })

  it('keeps the whole old list on a refresh until the new one is whole, and after a refresh that fails', async () => {
    const par = pagedList('fr-par-1', 3)
    const { result } = setup({ 'fr-par-1': par })
    await par.answer(1)
    await par.answer(2)
    await waitFor(() => expect(result.current.isComplete).toBe(true))
    const before = ids(result.current.rows)

    par.setItems([{ id: 'new-0', zone: 'fr-par-1' }, { id: 'new-1', zone: 'fr-par-1' }, { id: 'new-2', zone: 'fr-par-1' }])
    act(() => result.current.zones[0]!.refetch())
    await par.answer(1)
    await waitFor(() => expect(result.current.zones[0]?.isFetching).toBe(true))
    // Half of the new list is in: the old one stays, whole, and the zone stays answered.
    expect(ids(result.current.rows)).toEqual(before)
    expect(result.current.zones[0]?.status).toBe('loaded')
    expect(result.current.isComplete).toBe(true)
    await par.answer(2)
    await waitFor(() => expect(ids(result.current.rows)).toEqual(['new-0', 'new-1', 'new-2']))

    // A refresh whose second page fails: the rows stay, the zone says it failed.
    act(() => result.current.zones[0]!.refetch())
    await par.answer(1)
    await par.fail(2, new Errors.ScalewayError(500, 'boom'))
    await waitFor(() => expect(result.current.zones[0]?.status).toBe('failed'))
    expect(ids(result.current.rows)).toEqual(['new-0', 'new-1', 'new-2'])
    expect(result.current.zones[0]?.hasData).toBe(true)
  })

  it('a first read failing halfway is failed, not loaded, and its Retry keeps it loading until whole', async () => {
    const par = pagedList('fr-par-1', 4)
    const { result } = setup({ 'fr-par-1': par })
    await par.answer(1)
    await par.fail(2, new Errors.ScalewayError(502, 'bad gateway'))
    await waitFor(() => expect(result.current.zones[0]?.status).toBe('failed'))
    expect(result.current.isComplete).toBe(true)
    expect(result.current.zones[0]?.error).toBeInstanceOf(Errors.ScalewayError)

    act(() => result.current.zones[0]!.refetch())
    await waitFor(() => expect(result.current.zones[0]?.status).toBe('loading'))
    expect(result.current.isComplete).toBe(false)
    await par.answer(1)
    await par.answer(2)
    await waitFor(() => expect(result.current.zones[0]?.status).toBe('loaded'))
    expect(result.current.rows).toHaveLength(4)
  })

  it('a 429 halfway through keeps the zone throttled (its rows so far on screen) while it retries by itself', async () => {
    const par = pagedList('fr-par-1', 4)
    const client = new QueryClient({ defaultOptions: { queries: { retry: 1, retryDelay: 20 } } })
    const { result } = setup({ 'fr-par-1': par }, client)
    await par.answer(1)
    await par.fail(2, new Errors.ScalewayError(429, 'too many requests'))
    await waitFor(() => expect(result.current.zones[0]?.status).toBe('throttled'))
    expect(result.current.rows).toHaveLength(2)
    expect(result.current.isComplete).toBe(false)
    await par.answer(1)
    await par.answer(2)
    await waitFor(() => expect(result.current.zones[0]?.status).toBe('loaded'))
    expect(result.current.rows).toHaveLength(4)
  })

  it('a 403 on the first page is forbidden and hides no other zone', async () => {
    const par = pagedList('fr-par-1', 3)
    const ams = pagedList('nl-ams-1', 1)
    const { result } = setup({ 'fr-par-1': par, 'nl-ams-1': ams })
    await par.fail(1, new Errors.PermissionsDeniedError(403, {}, []))
    await ams.answer(1)
    await waitFor(() => expect(result.current.isComplete).toBe(true))
    expect(result.current.zones.map((z) => z.status)).toEqual(['forbidden', 'loaded'])
    expect(ids(result.current.rows)).toEqual(['nl-ams-1-0'])
    expect(par.asked).toEqual([1])
  })
})

describe('fetchAllPages', () => {
  it('reads page 1, then the pages its total announces, at most MAX_PAGES_IN_FLIGHT at once', async () => {
    let inFlight = 0
    let most = 0
    const asked: number[] = []
    const all = await fetchAllPages<Item>(
      async (page, perPage) => {
        asked.push(page)
        most = Math.max(most, ++inFlight)
        await new Promise((resolve) => setTimeout(resolve, 1))
        inFlight--
        return { items: Array.from({ length: Math.min(perPage, 25 - (page - 1) * perPage) }, (_, i) => ({ id: `${page}-${i}`, zone: 'z' })), totalCount: 25 }
      },
      (item) => item.id,
      2,
    )
    expect(all.items).toHaveLength(25)
    expect(all.totalCount).toBe(25)
    expect([...asked].sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1))
    expect(most).toBeLessThanOrEqual(MAX_PAGES_IN_FLIGHT)
  })

  it('stops asking for the pages still waiting for a slot once one has failed', async () => {
    const asked: number[] = []
    const hanging: (() => void)[] = []
    const read = fetchAllPages<Item>(
      (page) => {
        asked.push(page)
        if (page === 1) return Promise.resolve({ items: [{ id: '1', zone: 'z' }], totalCount: 12 })
        if (page === 2) return new Promise((_, reject) => setTimeout(() => reject(new Errors.ScalewayError(500, 'boom')), 5))
        return new Promise((resolve) => hanging.push(() => resolve({ items: [{ id: String(page), zone: 'z' }], totalCount: 12 })))
      },
      (item) => item.id,
      1,
    )
    await expect(read).rejects.toThrow()
    // The slots free up: what was still queued is never asked.
    for (const answer of hanging.splice(0)) answer()
    await new Promise((resolve) => setTimeout(resolve, 20))
    for (const answer of hanging.splice(0)) answer()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(asked).not.toContain(12)
    expect(asked.length).toBeLessThanOrEqual(1 + MAX_PAGES_IN_FLIGHT + 1)
  })
})
