import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createScalewayClient } from '@/lib/scaleway/client'
import { stubFetch } from '@/test/fetch-stub'
import { jsonResponse } from '@/test/render'
import { serverJson } from '@/test/scaleway-fixtures'
import { instanceApi, instanceQueries, pollWhileMoving, POLL_MS, zoneListsFilter, type ServerFilters } from './instance-queries'
import { useUpdateServer } from './use-update-server'
import { useWatchMoving } from './use-watch-moving'
import { useServerAction } from './use-server-action'

const client = createScalewayClient({ accessKey: 'SCWDEMOADMIN00000001', secretKey: '11111111-1111-4111-8111-111111111111' }, 'http://localhost')
const filters: ServerFilters = { name: 'web', state: 'running', tags: ['a'], project: '', order: 'creation_date_desc' }

const fetchMock = stubFetch()

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  return { queryClient, wrapper }
}

describe('instance query factories', () => {
  it('key every list by zone and filters, never by the secret', () => {
    const page = instanceQueries.page(client, { zone: 'nl-ams-1', page: 2, perPage: 20, ...filters }).queryKey
    expect(page).toEqual(['instances', 'list', { zone: 'nl-ams-1', ...filters, page: 2, perPage: 20 }])
    const zone = instanceQueries.zone(client, 'pl-waw-1', filters).queryKey
    expect(zone).toEqual(['instances', 'list', { zone: 'pl-waw-1', ...filters, page: 'all' }])
  })

  it('match one zone’s lists (pages, all pages, counts) and no other, and no watch', () => {
    const { queryClient } = setup()
    for (const zone of ['fr-par-1', 'fr-par-2']) {
      queryClient.setQueryData(instanceQueries.page(client, { zone, page: 1, perPage: 50, ...filters }).queryKey, { items: [], totalCount: 0 })
      queryClient.setQueryData(instanceQueries.zone(client, zone, filters).queryKey, { items: [], totalCount: 0, complete: true })
      queryClient.setQueryData(instanceQueries.count(client, zone).queryKey, 0)
      queryClient.setQueryData(instanceQueries.watch(client, zone, ['x']).queryKey, [])
    }
    const matched = queryClient.getQueryCache().findAll(zoneListsFilter('fr-par-2'))
    expect(matched).toHaveLength(3)
    expect(matched.every((q) => (q.queryKey[2] as { zone: string }).zone === 'fr-par-2')).toBe(true)
  })

  it('poll only while a server moves: pages, a detail and a watch', () => {
    expect(pollWhileMoving([{ state: 'running' }, { state: 'stopping' }])).toBe(POLL_MS)
    expect(pollWhileMoving([{ state: 'running' }, { state: 'stopped' }])).toBe(false)
    expect(pollWhileMoving(undefined)).toBe(false)
    const interval = (options: { refetchInterval?: unknown }, data: unknown) =>
      (options.refetchInterval as (q: { state: { data: unknown } }) => number | false)({ state: { data } })
    expect(interval(instanceQueries.watch(client, 'fr-par-1', ['x']), [{ state: 'starting' }])).toBe(POLL_MS)
    expect(interval(instanceQueries.watch(client, 'fr-par-1', ['x']), [{ state: 'running' }])).toBe(false)
    expect(interval(instanceQueries.detail(client, 'fr-par-1', 'x'), { state: 'stopped' })).toBe(false)
    expect(interval(instanceQueries.page(client, { zone: 'fr-par-1', page: 1, perPage: 50, ...filters }), { items: [{ state: 'stopping' }] })).toBe(POLL_MS)
    // The all-pages list never polls itself: the watch follows its moving servers.
    expect(instanceQueries.zone(client, 'fr-par-1', filters).refetchInterval).toBeUndefined()
  })

  it('refuse an id that is not a UUID before any request', async () => {
    await expect(instanceQueries.detail(client, 'fr-par-1', '../iam').queryFn!({} as never)).rejects.toThrow('is not a valid server id')
    expect(fetchMock).not.toHaveBeenCalled()
  })
})

describe('useServerAction', () => {
  it('stays pending until the zone’s list has been read again', async () => {
    const server = serverJson({ name: 'web' })
    let releaseList: () => void = () => {}
    let listReads = 0
    fetchMock.mockImplementation(async (request) => {
      if (request.method === 'POST') return jsonResponse(202, { task: { id: '00000000-0000-0000-0000-000000000000', status: 'pending' } })
      listReads++
      if (listReads > 1) await new Promise<void>((resolve) => (releaseList = resolve))
      return jsonResponse(200, { servers: [{ ...server, state: listReads > 1 ? 'stopping' : 'running' }] }, { 'X-Total-Count': '1' })
    })
    const { wrapper } = setup()
    const { result } = renderHook(
      () => ({
        list: useQuery(instanceQueries.page(client, { zone: 'fr-par-1', page: 1, perPage: 50, ...filters })),
        action: useServerAction(client, server.id),
      }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.list.data?.items[0]?.state).toBe('running'))

    act(() => result.current.action.mutate({ zone: 'fr-par-1', id: server.id, action: 'poweroff' }))
    await waitFor(() => expect(listReads).toBe(2))
    expect(result.current.action.isPending).toBe(true)
    act(() => releaseList())
    await waitFor(() => expect(result.current.action.isSuccess).toBe(true))
    expect(result.current.list.data?.items[0]?.state).toBe('stopping')
    const post = fetchMock.mock.calls.find(([r]) => r.method === 'POST')![0]
    expect(new URL(post.url).pathname).toBe(`/api/instance/v1/zones/fr-par-1/servers/${server.id}/action`)
    expect(await post.clone().json()).toEqual({ action: 'poweroff' })
  })
})

describe('writes to one server', () => {
  it('are sent one after the other: a second action waits for the first to settle', async () => {
    const server = serverJson()
    const posts: string[] = []
    let releaseFirst: () => void = () => {}
    fetchMock.mockImplementation(async (request) => {
      if (request.method === 'POST') {
        const { action } = (await request.clone().json()) as { action: string }
        posts.push(action)
        if (posts.length === 1) await new Promise<void>((resolve) => (releaseFirst = resolve))
        return jsonResponse(202, { task: { id: '00000000-0000-0000-0000-000000000000', status: 'pending' } })
      }
      return jsonResponse(200, { servers: [server] }, { 'X-Total-Count': '1' })
    })
    const { wrapper } = setup()
    const { result } = renderHook(() => ({ menu: useServerAction(client, server.id), page: useServerAction(client, server.id) }), { wrapper })
    act(() => result.current.menu.mutate({ zone: 'fr-par-1', id: server.id, action: 'poweroff' }))
    act(() => result.current.page.mutate({ zone: 'fr-par-1', id: server.id, action: 'reboot' }))
    await waitFor(() => expect(posts).toEqual(['poweroff']))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(posts).toEqual(['poweroff'])
    act(() => releaseFirst())
    await waitFor(() => expect(posts).toEqual(['poweroff', 'reboot']))
  })
})

describe('useUpdateServer', () => {
  it('shows the change in every cached list of the zone at once, and puts back only what it changed when refused', async () => {
    const raw = serverJson({ name: 'web', tags: ['a'] })
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { servers: [raw] }, { 'X-Total-Count': '1' }))
    const { servers } = await instanceApi(client).listServers({ zone: 'fr-par-1' })
    const server = servers[0]!
    let refuse: () => void = () => {}
    fetchMock.mockReset()
    fetchMock.mockImplementation(async (request) => {
      if (request.method === 'PATCH') {
        await new Promise<void>((resolve) => (refuse = resolve))
        return jsonResponse(500, { type: 'internal_error', message: 'internal error' })
      }
      return jsonResponse(200, { server: raw })
    })
    const { queryClient, wrapper } = setup()
    const pageKey = instanceQueries.page(client, { zone: 'fr-par-1', page: 1, perPage: 50, ...filters }).queryKey
    const zoneKey = instanceQueries.zone(client, 'fr-par-1', filters).queryKey
    const countKey = instanceQueries.count(client, 'fr-par-1').queryKey
    queryClient.setQueryData(pageKey, { items: [server], totalCount: 1 })
    queryClient.setQueryData(zoneKey, { items: [server], totalCount: 1, complete: true })
    queryClient.setQueryData(countKey, 1)
    queryClient.setQueryData(instanceQueries.detail(client, 'fr-par-1', server.id).queryKey, server)
    // Something else changed the tags meanwhile; a refused rename must not undo that.
    queryClient.setQueryData(zoneKey, { items: [{ ...server, tags: ['b'] }], totalCount: 1, complete: true })

    const { result } = renderHook(() => useUpdateServer(client, server.id), { wrapper })
    act(() => result.current.mutate({ zone: 'fr-par-1', id: server.id, patch: { name: 'renamed' } }))
    await waitFor(() => expect(queryClient.getQueryData(pageKey)?.items[0]?.name).toBe('renamed'))
    expect(queryClient.getQueryData(zoneKey)?.items[0]?.name).toBe('renamed')
    expect(queryClient.getQueryData(countKey)).toBe(1)

    act(() => refuse())
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(queryClient.getQueryData(pageKey)?.items[0]?.name).toBe('web')
    expect(queryClient.getQueryData(zoneKey)?.items[0]).toMatchObject({ name: 'web', tags: ['b'] })
  })
})

describe('useWatchMoving', () => {
  it('follows only the moving servers, with one small request per zone, and drops one that is gone', async () => {
    const raw = [serverJson({ name: 'steady' }), serverJson({ name: 'booting', state: 'starting' }), serverJson({ name: 'leaving', state: 'stopping' })]
    // Servers as the SDK hands them to the app.
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { servers: raw }, { 'X-Total-Count': '3' }))
    const { servers } = await instanceApi(client).listServers({ zone: 'fr-par-1' })
    // The watch: "booting" is now running, "leaving" is gone (terminated).
    fetchMock.mockReset()
    fetchMock.mockImplementation(async () => jsonResponse(200, { servers: [{ ...raw[1], state: 'running' }] }, { 'X-Total-Count': '1' }))
    const { wrapper } = setup()
    const { result } = renderHook(() => useWatchMoving(client, servers), { wrapper })
    // Before any watch answered: the listed servers as they are, not a copy.
    expect(result.current).toBe(servers)
    // Each in the listed order (the list is sorted once; a poll does not move a row).
    await waitFor(() => expect(result.current.map((s) => `${s.name}:${s.state}`)).toEqual(['steady:running', 'booting:running']))
    const urls = fetchMock.mock.calls.map(([r]) => new URL(r.url))
    expect(urls.length).toBeGreaterThan(0)
    expect(urls[0]!.searchParams.get('servers')).toBe([raw[1]!.id, raw[2]!.id].sort().join(','))
    expect(urls.every((u) => u.searchParams.has('servers'))).toBe(true)
  })

  it('reads the zone’s lists again once its moving servers have settled', async () => {
    const raw = [serverJson({ name: 'booting', state: 'starting' })]
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { servers: raw }, { 'X-Total-Count': '1' }))
    const { servers } = await instanceApi(client).listServers({ zone: 'fr-par-1' })
    fetchMock.mockReset()
    fetchMock.mockImplementation(async () => jsonResponse(200, { servers: [{ ...raw[0], state: 'running' }] }, { 'X-Total-Count': '1' }))
    const { queryClient, wrapper } = setup()
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
    const { result, rerender } = renderHook(() => useWatchMoving(client, servers), { wrapper })
    await waitFor(() => expect(result.current[0]?.state).toBe('running'))
    await waitFor(() => expect(invalidate).toHaveBeenCalledTimes(1))
    rerender()
    expect(invalidate).toHaveBeenCalledTimes(1)
    expect(invalidate.mock.calls[0]![0]).toMatchObject({ queryKey: ['instances', 'list'] })
  })
})
