import { act, render } from '@testing-library/react'
import { MemoryRouter, useLocation } from 'react-router'
import { describe, expect, it } from 'vitest'
import { enumParam, intParam, listParam, patchSearchParams, stringParam, useSearch } from './search-params'

const schema = {
  name: stringParam(),
  state: enumParam(['running', 'stopped'], ''),
  tags: listParam(),
  page: intParam(1),
  per_page: intParam(50, { max: 100 }),
}

function setup(initial: string) {
  const seen: { hook?: ReturnType<typeof useSearch<typeof schema>>; search?: string } = {}
  function Probe() {
    seen.hook = useSearch(schema)
    seen.search = useLocation().search
    return null
  }
  render(
    <MemoryRouter initialEntries={[initial]}>
      <Probe />
    </MemoryRouter>,
  )
  return { get: () => seen.hook!, location: () => seen.search }
}

describe('useSearch', () => {
  it('parses the URL into typed values, with defaults and rejected values', () => {
    const { get } = setup('/?name=web&state=exploded&tags=a,%20b,,a&page=3&per_page=500')
    expect(get().search).toEqual({ name: 'web', state: '', tags: ['a', 'b'], page: 3, per_page: 50 })
    expect(get().invalid).toEqual({ state: 'exploded', per_page: '500' })
  })

  it('resets the page on a filter change and drops defaults from the URL', () => {
    const { get, location } = setup('/?name=web&page=3')
    act(() => get().setSearch({ state: 'running' }))
    expect(location()).toBe('?name=web&state=running')
    act(() => get().setSearch({ page: 2 }))
    expect(location()).toBe('?name=web&state=running&page=2')
    act(() => get().setSearch({ name: '', per_page: 50 }))
    expect(location()).toBe('?state=running')
  })
})

describe('patchSearchParams', () => {
  it('keeps unrelated parameters and removes page when anything else changes', () => {
    const next = patchSearchParams(new URLSearchParams('zone=fr-par-1&page=4&name=x'), { zone: 'all' })
    expect(next.toString()).toBe('zone=all&name=x')
  })
})
