import { describe, expect, it } from 'vitest'
import { InvalidPathParamError, isUuid, uuidParam, zoneParam } from './path-params'

describe('path parameters', () => {
  it('accepts UUIDs and known zones as they are', () => {
    expect(uuidParam('0f798a90-a89e-4baa-b6bb-807f5e304f03')).toBe('0f798a90-a89e-4baa-b6bb-807f5e304f03')
    expect(zoneParam('it-mil-1')).toBe('it-mil-1')
  })

  it.each(['..%2F..%2Fiam%2Fv1alpha1%2Fapi-keys%3F', '../../iam/v1alpha1/api-keys?', 'abc', '', '0f798a90-a89e-4baa-b6bb-807f5e304f03/action'])(
    'refuses %j as an id',
    (value) => {
      expect(isUuid(value)).toBe(false)
      expect(() => uuidParam(value, 'server id')).toThrow(InvalidPathParamError)
    },
  )

  it('refuses an unknown zone', () => {
    expect(() => zoneParam('fr-par-1/../../iam')).toThrow('is not a valid zone')
  })
})
