import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useSameWhileEqual } from './use-same-while-equal'

describe('useSameWhileEqual', () => {
  it('keeps the first array while new ones hold the same items in the same order', () => {
    const first = ['a', 'b', 'c']
    const hook = renderHook(({ ids }) => useSameWhileEqual(ids), { initialProps: { ids: first } })
    hook.rerender({ ids: ['a', 'b', 'c'] })
    expect(hook.result.current).toBe(first)
    hook.rerender({ ids: ['a', 'b', 'c'] })
    expect(hook.result.current).toBe(first)
  })

  it('takes the new array when an item is added, removed or moved', () => {
    const hook = renderHook(({ ids }) => useSameWhileEqual(ids), { initialProps: { ids: ['a', 'b', 'c'] } })
    const removed = ['a', 'c']
    hook.rerender({ ids: removed })
    expect(hook.result.current).toBe(removed)
    const moved = ['c', 'a']
    hook.rerender({ ids: moved })
    expect(hook.result.current).toBe(moved)
    const added = ['c', 'a', 'd']
    hook.rerender({ ids: added })
    expect(hook.result.current).toBe(added)
    // And keeps that one from then on.
    hook.rerender({ ids: ['c', 'a', 'd'] })
    expect(hook.result.current).toBe(added)
  })
})
