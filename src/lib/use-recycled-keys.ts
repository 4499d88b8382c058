import { useState } from 'react'

/** Which slot (a React key) each id holds, and the next slot never used. */
export interface Slots {
  readonly slotOf: ReadonlyMap<string, number>
  readonly next: number
}

export const NO_SLOTS: Slots = { slotOf: new Map(), next: 0 }

/**
 * The slots for the ids on screen now, given the slots of the last render. An id still on screen keeps its slot (its
 * elements stay as they are); an id new on screen takes the slot of one that left, in the order they had, so a jump
 * far down the list reuses every row in place, and a step of one row moves one. The slot of `keep` (the row holding
 * focus) is never given to another id: a focused button never starts meaning another row.
 */
export function recycle(previous: Slots, ids: readonly string[], keep: string | null = null): Slots & { keys: number[] } {
  const stays = new Set<number>()
  for (const id of ids) {
    const slot = previous.slotOf.get(id)
    if (slot !== undefined) stays.add(slot)
  }
  // The slots of the rows that left, in their order on screen (Map order is the last render's).
  const free: number[] = []
  for (const [id, slot] of previous.slotOf) if (!stays.has(slot) && id !== keep) free.push(slot)
  let next = previous.next
  let taken = 0
  // In screen order, so the next render's free slots come in screen order too.
  const slotOf = new Map<string, number>()
  const keys = ids.map((id) => {
    // A repeated id gets a slot of its own: two rows never share a key.
    const slot = (slotOf.has(id) ? undefined : previous.slotOf.get(id)) ?? (taken < free.length ? free[taken++]! : next++)
    if (!slotOf.has(id)) slotOf.set(id, slot)
    return slot
  })
  return { slotOf, next, keys }
}

/**
 * Keys for a virtualised list's rendered rows that reuse the rows scrolled away (see `recycle`): scrolling far updates
 * the rows' text in place instead of destroying and building every one, which is most of what a frame costs.
 * `ids` must be a new array only when the rendered rows change.
 */
export function useRecycledKeys(ids: readonly string[], keep: string | null): readonly number[] {
  const [memo, setMemo] = useState(() => ({ ids, keep, ...recycle(NO_SLOTS, ids, keep) }))
  if (memo.ids === ids && memo.keep === keep) return memo.keys
  const next = { ids, keep, ...recycle(memo, ids, keep) }
  setMemo(next)
  return next.keys
}
