import { Errors } from '@scaleway/sdk-client'
import { describe, expect, it } from 'vitest'
import { NetworkError } from '@/lib/scaleway/client'
import type { ExchangeResult } from '@/lib/scaleway/exchange'
import { verdictOf } from './verdict'

const exchange = { request: 'GET /iam/v1alpha1/api-keys/SCWDEMOADMIN00000001', status: 0, ms: 12, body: null }
const failed = (error: unknown): ExchangeResult<unknown> => ({ ok: false, error, exchange })
type ErrorBody = Parameters<typeof Errors.DeniedAuthenticationError.fromJSON>[1]
const parsed = (status: number, body: ErrorBody) => {
  const error = Errors.DeniedAuthenticationError.fromJSON(status, body) ?? Errors.PermissionsDeniedError.fromJSON(status, body)
    ?? Errors.ResourceNotFoundError.fromJSON(status, body)
  if (!error) throw new Error('not a Scaleway error body')
  return error
}

describe('what the test’s answer means', () => {
  it('200: it works', () => {
    expect(verdictOf({ ok: true, value: {}, exchange })).toMatchObject({ tone: 'success', authenticated: true })
  })

  it('401 tells an expired key from a wrong one', () => {
    const expired = verdictOf(failed(parsed(401, { message: 'authentication is denied', method: 'api_key', reason: 'expired', type: 'denied_authentication' })))
    expect(expired).toMatchObject({ title: 'This key has expired', authenticated: false })
    const wrong = verdictOf(failed(parsed(401, { message: 'authentication is denied', method: 'api_key', reason: 'not_found', type: 'denied_authentication' })))
    expect(wrong.title).toBe('Wrong key: the secret matches no API key')
  })

  it('403: the key works, without IAM read', () => {
    const v = verdictOf(failed(parsed(403, { details: [{ action: 'read', resource: 'api_key' }], message: 'insufficient permissions', type: 'permissions_denied' })))
    expect(v).toMatchObject({ tone: 'warning', authenticated: true })
    expect(v.text).toContain('still works for what it may do')
  })

  it('404: the secret belongs to another access key', () => {
    const v = verdictOf(failed(parsed(404, { message: 'resource is not found', resource: 'access_key', resource_id: 'SCWX', type: 'not_found' })))
    expect(v.title).toBe('The secret works, but not with this access key')
  })

  it('no answer, and 5xx, are not the key’s fault', () => {
    expect(verdictOf(failed(new NetworkError('down'))).title).toBe('No answer: the API could not be reached')
    expect(verdictOf(failed(new Errors.ScalewayError(503, 'service unavailable'))).title).toBe('Scaleway failed (HTTP 503)')
  })
})
