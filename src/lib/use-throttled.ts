import { useEffect, useState } from 'react'

/**
 * `value` as it is, except while `hold`: then its changes show at most every `ms`
 * (the first at once, then the latest one at the latest `ms` after the one before). Pages
 * of eight zones arriving one by one would otherwise re-merge, re-sort and re-render
 * 10,000 rows a hundred times, keeping the tab too busy to read the next pages.
 * A new `resetKey` (another set of zones) starts again from the value of that moment.
 */
export function useThrottled<T>(value: T, ms: number, hold: boolean, resetKey: string): T {
  const [state, setState] = useState({ shown: value, at: 0, hold, resetKey })
  // Holding starts (and ends) with the value of that moment, never an older one.
  if (state.hold !== hold || state.resetKey !== resetKey) setState({ shown: value, at: 0, hold, resetKey })
  useEffect(() => {
    if (!hold || state.shown === value) return
    const timer = setTimeout(() => setState({ shown: value, at: Date.now(), hold, resetKey }), Math.max(0, state.at + ms - Date.now()))
    return () => clearTimeout(timer)
  }, [value, hold, ms, state, resetKey])
  // The render that starts (or ends) holding, or starts another key, already shows the value of that moment.
  return hold && state.hold === hold && state.resetKey === resetKey ? state.shown : value
}
