import { afterEach, describe, expect, it, vi } from 'vitest'
import { mayBeCopiedTab } from './session-channel'

function loadedAs(type: NavigationTimingType | null, opener: unknown = null) {
  vi.spyOn(performance, 'getEntriesByType').mockImplementation((kind: string) =>
    kind === 'navigation' && type ? ([{ type }] as unknown as PerformanceEntryList) : [],
  )
  vi.stubGlobal('opener', opener)
}

describe('mayBeCopiedTab', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  it('waits for the check in a duplicated tab (a history navigation)', () => {
    loadedAs('back_forward')
    expect(mayBeCopiedTab()).toBe(true)
  })

  it('waits for the check in a tab opened by another (it has an opener)', () => {
    loadedAs('navigate', {})
    expect(mayBeCopiedTab()).toBe(true)
  })

  it('starts at once on a reload or a URL opened in the tab itself', () => {
    loadedAs('reload')
    expect(mayBeCopiedTab()).toBe(false)
    loadedAs('navigate')
    expect(mayBeCopiedTab()).toBe(false)
  })

  it('starts at once outside a browser page load', () => {
    loadedAs(null)
    expect(mayBeCopiedTab()).toBe(false)
  })
})
