import { Errors } from '@scaleway/sdk-client'
import { Iamv1alpha1 } from '@scaleway/sdk-iam'
import { describe, expect, it } from 'vitest'
import { stubFetch } from '@/test/fetch-stub'
import { jsonResponse } from '@/test/render'
import { createScalewayClient } from './client'
import { fetchWithRaw, withExchange } from './exchange'

const fetchMock = stubFetch()
const SECRET = '11111111-1111-4111-8111-111111111111'
const client = createScalewayClient({ accessKey: 'SCWDEMOADMIN00000001', secretKey: SECRET }, 'http://console.test')
const getKey = (c: typeof client) => new Iamv1alpha1.API(c).getAPIKey({ accessKey: 'SCWDEMOADMIN00000001' })
const RECORDED = { access_key: 'SCWDEMOADMIN00000001', secret_key: null, description: '', created_at: '2026-01-05T09:00:00Z', updated_at: '2026-01-05T09:00:00Z', expires_at: null, default_project_id: 'p', editable: true, deletable: true, managed: false, creation_ip: '', user_id: 'u' }

describe('withExchange', () => {
  it('keeps the typed value, the request line, the status and the raw body of a success', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, RECORDED))
    const result = await withExchange(client, getKey)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.userId).toBe('u')
    expect(result.exchange).toMatchObject({ request: 'GET /iam/v1alpha1/api-keys/SCWDEMOADMIN00000001', status: 200, body: RECORDED })
    expect(result.exchange.ms).toBeGreaterThanOrEqual(0)
    // Still authenticated as the client it copies.
    expect(fetchMock.mock.calls[0]![0].headers.get('X-Auth-Token')).toBe(SECRET)
  })

  it('keeps the SDK’s typed error with the refusal as Scaleway sent it', async () => {
    const body = { message: 'authentication is denied', method: 'api_key', reason: 'expired', type: 'denied_authentication' }
    fetchMock.mockResolvedValue(jsonResponse(401, body))
    const result = await withExchange(client, getKey)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toBeInstanceOf(Errors.DeniedAuthenticationError)
    expect(result.exchange).toMatchObject({ status: 401, body })
  })

  it('says no status when nothing answered', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const result = await withExchange(client, getKey)
    expect(result).toMatchObject({ ok: false, exchange: { status: null, body: null } })
  })

  it('fetchWithRaw throws the SDK error for queries', async () => {
    fetchMock.mockResolvedValue(jsonResponse(403, { type: 'permissions_denied', message: 'insufficient permissions', details: [] }))
    await expect(fetchWithRaw(client, getKey)).rejects.toBeInstanceOf(Errors.PermissionsDeniedError)
  })
})
