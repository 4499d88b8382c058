import { useState } from 'react'

/** Which slot (a React key) each id holds, in screen order, and the next slot never used. */
export interface Slots {
  readonly slotOf: ReadonlyMap<string, number>
  readonly next: number
}

export const NO_SLOTS: Slots = { slotOf: new Map(), next: 0 }

/**
 * The slots for the ids on screen now, given the slots of the last render (a slot is a React key: the elements of a
 * row). An id still on screen keeps its slot, and its elements never move (moving an element drops its focus). An id
 * new on screen takes the slot of one that left when React can put it there without moving a row that stays: a jump
 * far down the list reuses every row in place, a step down moves the row that left from the top to the bottom. A row
 * that comes in above the rows that stay (a step up) gets a new slot, as a plain key would. The slots of `keep` (the
 * rows holding focus, or whose menu or dialog is open) are never given to another id: a button never starts meaning
 * another row.
 */
export function recycle(previous: Slots, ids: readonly string[], keep: readonly string[] = []): Slots & { keys: number[] } {
  // Where each slot was on screen.
  const wasAt = new Map<number, number>()
  for (const slot of previous.slotOf.values()) wasAt.set(slot, wasAt.size)
  const stays = new Set<number>()
  for (const id of ids) {
    const slot = previous.slotOf.get(id)
    if (slot !== undefined) stays.add(slot)
  }
  // The slots of the rows that left, in their order on screen, never one of `keep`.
  const free: number[] = []
  for (const [id, slot] of previous.slotOf) if (!stays.has(slot) && !keep.includes(id)) free.push(slot)
  // For each place, where the next staying row was: a slot reused here must come from above it, or React would move
  // that row (and every one after it) to keep the order.
  const first = new Map<string, number>()
  ids.forEach((id, i) => first.get(id) ?? first.set(id, i))
  const nextStays: number[] = new Array<number>(ids.length)
  let after = Infinity
  for (let i = ids.length - 1; i >= 0; i--) {
    nextStays[i] = after
    const slot = previous.slotOf.get(ids[i]!)
    if (slot !== undefined && first.get(ids[i]!) === i) after = wasAt.get(slot)!
  }
  const seen = new Set<string>()
  let next = previous.next
  let taken = 0
  const slotOf = new Map<string, number>()
  const keys = ids.map((id, i) => {
    // A repeated id gets a slot of its own: two rows never share a key.
    const kept = seen.has(id) ? undefined : previous.slotOf.get(id)
    let slot: number
    if (kept !== undefined) slot = kept
    else if (taken < free.length && wasAt.get(free[taken]!)! < nextStays[i]!) slot = free[taken++]!
    else slot = next++
    if (!seen.has(id)) slotOf.set(id, slot)
    seen.add(id)
    return slot
  })
  return { slotOf, next, keys }
}

/**
 * Keys for a virtualised list's rendered rows that reuse the rows scrolled away (see `recycle`): scrolling far updates
 * the rows' text in place instead of destroying and building every one, which is most of what a frame costs.
 * `ids` must be a new array only when the rendered rows change.
 */
export function useRecycledKeys(ids: readonly string[], keep: readonly string[]): readonly number[] {
  const keepKey = keep.join()
  const [memo, setMemo] = useState(() => ({ ids, keepKey, ...recycle(NO_SLOTS, ids, keep) }))
  if (memo.ids === ids && memo.keepKey === keepKey) return memo.keys
  const next = { ids, keepKey, ...recycle(memo, ids, keep) }
  setMemo(next)
  return next.keys
}
