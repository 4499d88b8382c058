import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { NO_SLOTS, recycle, type Slots, useRecycledKeys } from './use-recycled-keys'

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `s${from + i}`)

/**
 * The keys whose elements React moves going from `before` to `after`: its reconciliation of a keyed array walks the
 * new keys in order and moves each kept key whose old index is below the highest old index placed so far.
 */
function moved(before: readonly number[], after: readonly number[]): number[] {
  const oldIndex = new Map(before.map((key, i) => [key, i]))
  let lastPlaced = -1
  const moves: number[] = []
  for (const key of after) {
    const at = oldIndex.get(key)
    if (at === undefined) continue
    if (at < lastPlaced) moves.push(key)
    else lastPlaced = at
  }
  return moves
}

describe('recycle', () => {
  it('numbers the first rows in order', () => {
    expect(recycle(NO_SLOTS, ['a', 'b', 'c']).keys).toEqual([0, 1, 2])
  })

  it('a step down: the row that left the top is reused at the bottom, the only one React moves', () => {
    const first = recycle(NO_SLOTS, ids(0, 5))
    const step = recycle(first, ids(1, 6))
    expect(step.keys).toEqual([1, 2, 3, 4, 0])
    expect(moved(first.keys, step.keys)).toEqual([0])
  })

  it('a step up: the row that comes in at the top gets a new slot, and no row that stays moves', () => {
    const first = recycle(NO_SLOTS, ids(1, 6))
    const up = recycle(first, ids(0, 5))
    expect(up.keys).toEqual([5, 0, 1, 2, 3])
    expect(moved(first.keys, up.keys)).toEqual([])
  })

  it('a jump reuses every slot in the order they had, so no row moves', () => {
    const first = recycle(NO_SLOTS, ids(0, 5))
    const step = recycle(first, ids(2, 7))
    expect(step.keys).toEqual([2, 3, 4, 0, 1])
    const jump = recycle(step, ids(500, 505))
    expect(jump.keys).toEqual([2, 3, 4, 0, 1])
    expect(moved(step.keys, jump.keys)).toEqual([])
    // And back up, far: the same.
    expect(moved(jump.keys, recycle(jump, ids(40, 45)).keys)).toEqual([])
  })

  it('never moves a row that stays, whatever the scrolling', () => {
    // A window of 8 to 12 rows wandering over 1,000, with the occasional row kept.
    let random = 7
    const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    let slots: Slots & { keys: number[] } = { ...NO_SLOTS, keys: [] }
    let shown: string[] = []
    let start = 500
    for (let step = 0; step < 2_000; step++) {
      start = Math.max(0, Math.min(988, start + Math.round((next() - 0.5) * (next() < 0.2 ? 60 : 6))))
      const now = ids(start, start + 8 + Math.floor(next() * 5))
      const keep = next() < 0.3 && shown.length ? [shown[Math.floor(next() * shown.length)]!] : []
      const after = recycle(slots, now, keep)
      const stay = new Set(now.filter((id) => slots.slotOf.has(id)).map((id) => slots.slotOf.get(id)!))
      const movedKeys = moved(slots.keys, after.keys)
      expect(movedKeys.filter((key) => stay.has(key)), `step ${step}`).toEqual([])
      expect(new Set(after.keys).size, `step ${step}: no two rows share a key`).toBe(after.keys.length)
      for (const id of keep) if (!now.includes(id)) expect(after.keys).not.toContain(slots.slotOf.get(id))
      slots = after
      shown = now
    }
  })

  it('adds slots when more rows show, and never gives two rows the same one', () => {
    const first = recycle(NO_SLOTS, ids(0, 3))
    const more = recycle(first, ids(10, 15))
    expect(more.keys).toEqual([0, 1, 2, 3, 4])
    const fewer = recycle(more, ids(20, 22))
    expect(fewer.keys).toEqual([0, 1])
    expect(new Set(recycle(fewer, ids(30, 36)).keys).size).toBe(6)
  })

  it('never gives the slot of a kept row (focus, an open menu or dialog) to another row', () => {
    const first = recycle(NO_SLOTS, ids(0, 3))
    const jump = recycle(first, ids(100, 103), ['s1'])
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
    const hook = renderHook(({ ids: current, keep }) => useRecycledKeys(current, keep), { initialProps: { ids: shown, keep: [] as string[] } })
    const keys = hook.result.current
    expect(keys).toEqual([0, 1, 2, 3])
    hook.rerender({ ids: shown, keep: [] })
    expect(hook.result.current).toBe(keys)
    hook.rerender({ ids: ids(1, 5), keep: [] })
    expect(hook.result.current).toEqual([1, 2, 3, 0])
    hook.rerender({ ids: ids(50, 54), keep: ['s2'] })
    expect(hook.result.current).not.toContain(2)
  })
})
