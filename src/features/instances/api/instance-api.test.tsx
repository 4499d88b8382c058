import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createScalewayClient } from '@/lib/scaleway/client'
import { jsonResponse } from '@/test/render'
import { serverJson } from '@/test/scaleway-fixtures'
import { instanceApi, instanceQueries, pollWhileMoving, POLL_MS, zoneListsFilter, type ServerFilters } from './instance-queries'
import { useWatchMoving } from './use-watch-moving'
import { useServerAction } from './use-server-action'

const SECRET = '11111111-1111-4111-8111-111111111111'
const client = createScalewayClient({ accessKey: 'SCWDEMOADMIN00000001', secretKey: SECRET }, 'http://localhost')
const filters: ServerFilters = { name: 'web', state: 'running', tags: ['a'], project: '', order: 'creation_date_desc' }
const fetchMock = vi.fn<(input: Request) => Promise<Response>>()

beforeEach(() => {
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => vi.unstubAllGlobals())

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
    expect(JSON.stringify([page, zone, instanceQueries.detail(client, 'fr-par-1', 'x').queryKey])).not.toContain(SECRET)
  })

  it('match one zone’s lists (pages, all pages, counts) and no other', () => {
    const { queryClient } = setup()
    for (const zone of ['fr-par-1', 'fr-par-2']) {
      queryClient.setQueryData(instanceQueries.page(client, { zone, page: 1, perPage: 50, ...filters }).queryKey, { items: [], totalCount: 0 })
      queryClient.setQueryData(instanceQueries.zone(client, zone, filters).queryKey, { items: [], totalCount: 0 })
      queryClient.setQueryData(instanceQueries.count(client, zone).queryKey, 0)
    }
    const matched = queryClient.getQueryCache().findAll(zoneListsFilter('fr-par-2'))
    expect(matched).toHaveLength(3)
    expect(matched.every((q) => (q.queryKey[2] as { zone: string }).zone === 'fr-par-2')).toBe(true)
  })

  it('poll only while a server moves', () => {
    expect(pollWhileMoving([{ state: 'running' }, { state: 'stopping' }])).toBe(POLL_MS)
    expect(pollWhileMoving([{ state: 'running' }, { state: 'stopped' }])).toBe(false)
    expect(pollWhileMoving(undefined)).toBe(false)
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
        action: useServerAction(client),
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
    await waitFor(() => expect(result.current.map((s) => `${s.name}:${s.state}`)).toEqual(['steady:running', 'booting:running']))
    const urls = fetchMock.mock.calls.map(([r]) => new URL(r.url))
    expect(urls.length).toBeGreaterThan(0)
    expect(urls[0]!.searchParams.get('servers')).toBe([raw[1]!.id, raw[2]!.id].sort().join(','))
    expect(urls.every((u) => u.searchParams.has('servers'))).toBe(true)
  })
})
