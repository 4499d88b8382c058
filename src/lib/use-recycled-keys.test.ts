import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { NO_SLOTS, recycle, useRecycledKeys } from './use-recycled-keys'

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `s${from + i}`)

describe('recycle', () => {
  it('numbers the first rows in order', () => {
    expect(recycle(NO_SLOTS, ['a', 'b', 'c']).keys).toEqual([0, 1, 2])
  })

  it('keeps the slot of every row still on screen, and gives the ones that left to the ones that came', () => {
    const first = recycle(NO_SLOTS, ids(0, 5))
    // One row down: s0 left, s5 came and takes its slot; the others keep theirs.
    const step = recycle(first, ids(1, 6))
    expect(step.keys).toEqual([1, 2, 3, 4, 0])
    // And up again: s5 leaves, s0 comes back into that slot.
    expect(recycle(step, ids(0, 5)).keys).toEqual([0, 1, 2, 3, 4])
  })

  it('reuses every slot in the same order after a jump, so no row moves', () => {
    const first = recycle(NO_SLOTS, ids(0, 5))
    const step = recycle(first, ids(2, 7))
    expect(step.keys).toEqual([2, 3, 4, 0, 1])
    // Far down: every row left. The new rows take the slots in their order on screen: 2, 3, 4, 0, 1.
    expect(recycle(step, ids(500, 505)).keys).toEqual([2, 3, 4, 0, 1])
  })

  it('adds slots when more rows show, and never gives two rows the same one', () => {
    const first = recycle(NO_SLOTS, ids(0, 3))
    const more = recycle(first, ids(10, 15))
    expect(more.keys).toEqual([0, 1, 2, 3, 4])
    const fewer = recycle(more, ids(20, 22))
    expect(fewer.keys).toEqual([0, 1])
    // The slots of rows gone two renders ago are numbered again from `next`, never reused twice.
    expect(new Set(recycle(fewer, ids(30, 36)).keys).size).toBe(6)
  })

  it('never gives the slot of the row holding focus to another row', () => {
    const first = recycle(NO_SLOTS, ids(0, 3))
    const jump = recycle(first, ids(100, 103), 's1')
    expect(jump.keys).not.toContain(1)
    expect(jump.keys).toEqual([0, 2, 3])
  })

  it('gives a repeated id a slot of its own', () => {
    const first = recycle(NO_SLOTS, ['a', 'b'])
    const keys = recycle(first, ['a', 'a', 'b']).keys
    expect(new Set(keys).size).toBe(3)
    expect(keys[0]).toBe(0)
    expect(keys[2]).toBe(1)
  })
})

describe('useRecycledKeys', () => {
  it('keeps its keys while the same ids come back, and recycles from the last render', () => {
    const shown = ids(0, 4)
    const hook = renderHook(({ ids: current, keep }) => useRecycledKeys(current, keep), { initialProps: { ids: shown, keep: null as string | null } })
    const keys = hook.result.current
    expect(keys).toEqual([0, 1, 2, 3])
    hook.rerender({ ids: shown, keep: null })
    expect(hook.result.current).toBe(keys)
    hook.rerender({ ids: ids(1, 5), keep: null })
    expect(hook.result.current).toEqual([1, 2, 3, 0])
    hook.rerender({ ids: ids(50, 54), keep: 's2' })
    expect(hook.result.current).not.toContain(2)
  })
})
