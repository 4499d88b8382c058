import { useState } from 'react'

/**
 * `next`, or the array an earlier render returned while `next` equals it item by item: a value that only changes
 * when the items do (say, a list's ids while its objects are replaced). Compares once per new `next`.
 */
export function useSameWhileEqual<T>(next: readonly T[]): readonly T[] {
  const [memo, setMemo] = useState({ kept: next, seen: next })
  if (memo.seen === next) return memo.kept
  const same = memo.kept.length === next.length && memo.kept.every((value, i) => value === next[i])
  const kept = same ? memo.kept : next
  setMemo({ kept, seen: next })
  return kept
}
