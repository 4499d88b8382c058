import { describe, expect, it } from 'vitest'
import { normalizeCredentials, readCredentials, saveCredentials, SESSION_STORAGE_KEY, validateCredentials } from './credentials'

const GOOD = { accessKey: 'SCWDEMOADMIN00000001', secretKey: '11111111-1111-4111-8111-111111111111' }

describe('validateCredentials', () => {
  it('accepts a well-formed key pair', () => {
    expect(validateCredentials(GOOD)).toEqual({})
  })

  it.each([
    ['', 'Enter the access key'],
    ['SCW123', 'this one has 6'],
    ['ABCDEMOADMIN00000001', 'must start with SCW'],
    ['SCWDEMOADMIN0000000!', 'must start with SCW followed by 17 letters or digits'],
  ])('rejects access key %j', (accessKey, message) => {
    expect(validateCredentials({ ...GOOD, accessKey }).accessKey).toContain(message)
  })

  it('rejects a secret that is not a UUID without echoing it', () => {
    const secretKey = 'not-a-uuid-but-a-secret-value'
    const { secretKey: message } = validateCredentials({ ...GOOD, secretKey })
    expect(message).toContain('Secret key must be a UUID')
    expect(message).not.toContain(secretKey)
  })

  it('tolerates surrounding spaces from a paste and normalises case', () => {
    const pasted = { accessKey: '  scwdemoadmin00000001 ', secretKey: ' 11111111-1111-4111-8111-111111111111\n' }
    expect(validateCredentials(pasted)).toEqual({})
    expect(normalizeCredentials(pasted)).toEqual(GOOD)
  })
})

describe('credential storage', () => {
  it('keeps the session in sessionStorage only', () => {
    saveCredentials(GOOD)
    expect(JSON.parse(window.sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual(GOOD)
    expect(window.localStorage.length).toBe(0)
    expect(readCredentials()).toEqual(GOOD)
  })

  it('ignores a tampered or malformed stored value', () => {
    window.sessionStorage.setItem(SESSION_STORAGE_KEY, '{"accessKey":"nope","secretKey":"x"}')
    expect(readCredentials()).toBeNull()
    window.sessionStorage.setItem(SESSION_STORAGE_KEY, '{not json')
    expect(readCredentials()).toBeNull()
  })
})
