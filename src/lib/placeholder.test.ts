import { describe, expect, it } from 'vitest'
import { keepPreviousPageOfZone } from './placeholder'

describe('keepPreviousPageOfZone', () => {
  const previous = { servers: ['a'] }
  it('keeps the previous page of the same zone', () => {
    const keep = keepPreviousPageOfZone<typeof previous>('fr-par-1')
    expect(keep(previous, { queryKey: ['instances', 'list', { zone: 'fr-par-1', page: 1 }] })).toBe(previous)
  })
  it('drops rows of another zone, so they are never labelled with the new one', () => {
    const keep = keepPreviousPageOfZone<typeof previous>('fr-par-1')
    expect(keep(previous, { queryKey: ['instances', 'list', { zone: 'nl-ams-1', page: 1 }] })).toBeUndefined()
    expect(keep(undefined, undefined)).toBeUndefined()
  })
})
