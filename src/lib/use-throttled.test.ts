import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useThrottled } from './use-throttled'

interface Props {
  value: number
  hold: boolean
  resetKey?: string
}

const render = (initial: Props) =>
  renderHook(({ value, hold, resetKey = 'a' }: Props) => useThrottled(value, 500, hold, resetKey), { initialProps: initial })

describe('useThrottled', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('passes every value through while not holding', () => {
    const hook = render({ value: 1, hold: false })
    hook.rerender({ value: 2, hold: false })
    expect(hook.result.current).toBe(2)
    hook.rerender({ value: 3, hold: false })
    expect(hook.result.current).toBe(3)
  })

  it('while holding, shows the first change at once, then the latest one at most every interval', () => {
    const hook = render({ value: 1, hold: true })
    hook.rerender({ value: 2, hold: true })
    expect(hook.result.current).toBe(1)
    act(() => vi.advanceTimersByTime(0))
    expect(hook.result.current).toBe(2)

    hook.rerender({ value: 3, hold: true })
    hook.rerender({ value: 4, hold: true })
    act(() => vi.advanceTimersByTime(499))
    expect(hook.result.current).toBe(2)
    act(() => vi.advanceTimersByTime(1))
    // The latest value, not each one in between.
    expect(hook.result.current).toBe(4)
  })

  it('shows the value of the moment holding ends, without waiting', () => {
    const hook = render({ value: 1, hold: true })
    act(() => vi.advanceTimersByTime(0))
    hook.rerender({ value: 2, hold: true })
    act(() => vi.advanceTimersByTime(0))
    hook.rerender({ value: 3, hold: true })
    expect(hook.result.current).toBe(2)
    hook.rerender({ value: 4, hold: false })
    expect(hook.result.current).toBe(4)
  })

  it('starts holding from the value of that moment, never one shown before', () => {
    const hook = render({ value: 1, hold: true })
    hook.rerender({ value: 2, hold: false })
    expect(hook.result.current).toBe(2)
    hook.rerender({ value: 3, hold: true })
    expect(hook.result.current).toBe(3)
    hook.rerender({ value: 4, hold: true })
    expect(hook.result.current).toBe(3)
  })

  it('starts again from the current value when the reset key changes', () => {
    const hook = render({ value: 1, hold: true })
    hook.rerender({ value: 2, hold: true })
    act(() => vi.advanceTimersByTime(0))
    hook.rerender({ value: 3, hold: true })
    expect(hook.result.current).toBe(2)
    hook.rerender({ value: 9, hold: true, resetKey: 'b' })
    expect(hook.result.current).toBe(9)
  })
})
