import { describe, expect, it } from 'vitest'
import { formatBytes, formatExact, formatHourly, formatMemory, formatMonthly, formatRelative } from './format'

describe('format', () => {
  it('writes sizes as Scaleway does', () => {
    expect(formatBytes(20_000_000_000)).toBe('20 GB')
    expect(formatBytes(150_000_000_000)).toBe('150 GB')
    expect(formatBytes(512)).toBe('512 B')
    expect(formatMemory(2 ** 31)).toBe('2 GB')
  })

  it('writes prices', () => {
    expect(formatHourly(0.008976)).toBe('€0.009/h')
    expect(formatMonthly(6.55248)).toBe('€6.55/month')
  })

  it('writes dates relative and exact', () => {
    const now = Date.UTC(2026, 0, 8, 9)
    expect(formatRelative(new Date(Date.UTC(2026, 0, 5, 9)), now)).toBe('3 days ago')
    expect(formatRelative(new Date(now - 20_000), now)).toBe('just now')
    expect(formatExact(new Date(Date.UTC(2026, 0, 5, 9)))).toBe('5 Jan 2026, 09:00:00 UTC')
  })
})
