import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { createScalewayClient } from '@/lib/scaleway/client'
import { stubFetch } from '@/test/fetch-stub'
import { jsonResponse } from '@/test/render'
import { instanceQueries } from '@/features/instances'
import { ipQueries } from './ip-queries'
import { useUpdateIp } from './use-update-ip'

const client = createScalewayClient({ accessKey: 'SCWDEMOADMIN00000001', secretKey: '11111111-1111-4111-8111-111111111111' }, 'http://localhost')
const IP = '9918ae90-cd48-408f-97af-bcf3bc77afbc'
const SERVER = '37eebbd9-a323-47fd-8192-07e13fe467a2'

const fetchMock = stubFetch()

describe('useUpdateIp', () => {
  it('sends one PATCH and marks the zone’s IPs and servers stale, not another zone’s', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { ip: { id: IP, address: '51.15.0.1', state: 'pending', server: { id: SERVER, name: 'web' } } }))
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    const keys = {
      ips: ipQueries.zone(client, 'fr-par-1').queryKey,
      otherIps: ipQueries.zone(client, 'fr-par-2').queryKey,
      server: instanceQueries.detail(client, 'fr-par-1', SERVER).queryKey,
      otherServer: instanceQueries.detail(client, 'fr-par-2', SERVER).queryKey,
    }
    for (const key of Object.values(keys)) queryClient.setQueryData(key, [] as never)
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    const { result } = renderHook(() => useUpdateIp(client), { wrapper })

    act(() => result.current.mutate({ zone: 'fr-par-1', id: IP, patch: { server: SERVER } }))
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    const stale = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated
    expect([stale(keys.ips), stale(keys.server), stale(keys.otherIps), stale(keys.otherServer)]).toEqual([true, true, false, false])
    const [request] = fetchMock.mock.calls[0]!
    expect(request.method).toBe('PATCH')
    expect(new URL(request.url).pathname).toBe(`/api/instance/v1/zones/fr-par-1/ips/${IP}`)
    expect(await request.json()).toEqual({ server: SERVER })
  })

  it('refuses an id from an answer that is not a UUID before any request', async () => {
    const queryClient = new QueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    const { result } = renderHook(() => useUpdateIp(client), { wrapper })
    act(() => result.current.mutate({ zone: 'fr-par-1', id: IP, patch: { server: '../../iam/v1alpha1/api-keys' } }))
    await waitFor(() => expect(result.current.isError).toBe(true))
    expect(result.current.error?.message).toContain('is not a valid server id')
    expect(fetchMock).not.toHaveBeenCalled()
  })
})
