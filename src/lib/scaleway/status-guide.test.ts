import { describe, expect, it } from 'vitest'
import { maskSecret } from './secret-mask'
import { STATUS_GUIDE, statusGuideAnchor, statusGuideHref, statusGuideRow } from './status-guide'

describe('status-code guide', () => {
  it('has a row for each code the walkthrough promises, each with its own anchor', () => {
    expect(STATUS_GUIDE.map((row) => row.code)).toEqual(['200', '201', '204', '400', '401', '403', '404', '409', '412', '429', '5xx', 'network'])
    expect(new Set(STATUS_GUIDE.map((row) => statusGuideAnchor(row.code))).size).toBe(STATUS_GUIDE.length)
    for (const row of STATUS_GUIDE) expect(row.meaning.length && row.next.length).toBeGreaterThan(0)
  })

  it('finds the row of an answer: exact codes, any 5xx, no answer, and none for codes it does not cover', () => {
    expect(statusGuideRow(403)?.code).toBe('403')
    expect(statusGuideRow(502)?.code).toBe('5xx')
    expect(statusGuideRow(undefined)?.code).toBe('network')
    expect(statusGuideRow(418)).toBeNull()
    expect(statusGuideHref(statusGuideRow(401)!)).toBe('/get-started#status-401')
  })
})

describe('maskSecret', () => {
  it('keeps the first 8 characters only, as Scaleway’s tools print a secret', () => {
    expect(maskSecret('11111111-1111-4111-8111-111111111111')).toBe('11111111-xxxx-xxxx-xxxx-xxxxxxxxxxxx')
    expect(maskSecret('  abcdef0123456789  ')).toBe('abcdef01-xxxx-xxxx-xxxx-xxxxxxxxxxxx')
    expect(maskSecret('')).toBe('-xxxx-xxxx-xxxx-xxxxxxxxxxxx')
  })
})
