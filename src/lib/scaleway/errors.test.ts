import { Errors } from '@scaleway/sdk-client'
import { describe, expect, it } from 'vitest'
import { shouldRetry } from '../query-client'
import { NetworkError } from './client'
import { describeError, isRetryable } from './errors'

const denied = (reason: string) =>
  new Errors.DeniedAuthenticationError(401, { message: 'authentication is denied', method: 'api_key', reason, type: 'denied_authentication' }, 'api_key', reason)

describe('describeError', () => {
  it('says an expired key has expired, with Scaleway’s message', () => {
    const d = describeError(denied('expired'))
    expect(d.message).toContain('has expired')
    expect(d.message).toContain('authentication is denied')
    expect(d.hint).toMatch(/generate a new api key/i)
  })

  it('says an unknown key was not accepted', () => {
    expect(describeError(denied('not_found')).message).toContain('was not accepted')
  })

  it('lists what a permissions_denied error refused', () => {
    const error = new Errors.PermissionsDeniedError(403, { message: 'insufficient permissions', type: 'permissions_denied' }, [
      { action: 'read', resource: 'api_key' },
    ])
    expect(describeError(error).message).toBe('insufficient permissions (read on api_key)')
  })

  it('treats a rejected fetch and an empty proxy 502 as unreachable', () => {
    expect(describeError(new NetworkError('Failed to fetch')).title).toBe('Could not reach the Scaleway API')
    expect(describeError(new Errors.ScalewayError(502, '')).title).toBe('Could not reach the Scaleway API')
    // A TypeError from a bug is not a network failure.
    expect(describeError(new TypeError('x is undefined')).title).toBe('Something went wrong')
  })

  it('gives the protected-resource refusal in Scaleway’s words, with the way out', () => {
    const error = Errors.PreconditionFailedError.fromJSON(412, {
      type: 'precondition_failed',
      message: 'precondition is not respected',
      precondition: 'protected_resource',
      help_message: 'server is protected',
    })
    const d = describeError(error)
    expect(d.title).toBe('Refused: the resource is protected')
    expect(d.message).toBe('precondition is not respected: server is protected')
    expect(d.hint).toMatch(/turn protection off/i)
  })

  it('shows the Instance API’s legacy 400 refusal as it is', () => {
    const d = describeError(new Errors.ScalewayError(400, { type: 'invalid_request_error', message: 'server should be stopped' }))
    expect(d.title).toBe('Refused by Scaleway')
    expect(d.message).toBe('server should be stopped')
    expect(d.retryable).toBe(false)
  })

  it('explains a rate limit with an empty body', () => {
    const d = describeError(new Errors.ScalewayError(429, ''))
    expect(d.title).toBe('Rate limited')
    expect(d.retryable).toBe(true)
  })
})

describe('retry policy', () => {
  it('retries network errors, 5xx and 429, never other 4xx', () => {
    expect(isRetryable(new NetworkError('Failed to fetch'))).toBe(true)
    expect(isRetryable(new Errors.ScalewayError(503, { message: 'x' }))).toBe(true)
    expect(isRetryable(new Errors.ScalewayError(429, ''))).toBe(true)
    expect(isRetryable(denied('expired'))).toBe(false)
    expect(isRetryable(new Errors.ScalewayError(404, { message: 'x', type: 'not_found' }))).toBe(false)
  })

  it('stops after three attempts, six for a rate limit', () => {
    const error = new Errors.ScalewayError(503, { message: 'x' })
    expect(shouldRetry(2, error)).toBe(true)
    expect(shouldRetry(3, error)).toBe(false)
    const limited = new Errors.ScalewayError(429, '')
    expect(shouldRetry(5, limited)).toBe(true)
    expect(shouldRetry(6, limited)).toBe(false)
  })
})
