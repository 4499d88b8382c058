import { useCallback, useRef, useState } from 'react'

/**
 * Wraps an async action so that calls made while one is running are ignored: a
 * double click, Enter pressed twice, or a click racing React's re-render sends one
 * request. The guard is a ref, set synchronously, not state that renders later.
 */
export function useExclusive<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const running = useRef(false)
  const [busy, setBusy] = useState(false)
  const run = useCallback(
    async (...args: A) => {
      if (running.current) return
      running.current = true
      setBusy(true)
      try {
        await action(...args)
      } catch {
        // The caller shows the error from its mutation state; nothing to do here.
      } finally {
        running.current = false
        setBusy(false)
      }
    },
    [action],
  )
  return [run, busy] as const
}
