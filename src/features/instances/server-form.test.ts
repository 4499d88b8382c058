import { Errors } from '@scaleway/sdk-client'
import { describe, expect, it } from 'vitest'
import { invalidArgumentFor } from '@/lib/scaleway/errors'
import { parseTags, validateServerName } from './server-form'

describe('server form helpers', () => {
  it('checks names before any request', () => {
    expect(validateServerName('web-1')).toBeUndefined()
    expect(validateServerName('  ')).toBe('Enter a name.')
    expect(validateServerName('x'.repeat(256))).toContain('at most 255')
  })

  it('parses tags', () => {
    expect(parseTags('web, prod ,, web')).toEqual(['web', 'prod'])
  })

  it('finds the API’s message for a field', () => {
    const error = Errors.InvalidArgumentsError.fromJSON(400, {
      type: 'invalid_arguments',
      message: 'invalid argument(s)',
      details: [{ argument_name: 'commercial_type', reason: 'constraint', help_message: 'not available in pl-waw-1' }],
    })
    expect(invalidArgumentFor(error, 'commercial_type')).toBe('not available in pl-waw-1')
    expect(invalidArgumentFor(error, 'name')).toBeUndefined()
    expect(invalidArgumentFor(new Error('x'), 'name')).toBeUndefined()
  })
})
