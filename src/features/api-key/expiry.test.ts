import { describe, expect, it } from 'vitest'
import { expiryState, formatCountdown } from './expiry'

const NOW = Date.UTC(2026, 5, 1, 12)
const DAY = 86_400_000

describe('key expiry', () => {
  it('never, valid, soon from 7 days before, expired after', () => {
    expect(expiryState(undefined, NOW)).toBe('never')
    expect(expiryState(new Date(NOW + 30 * DAY), NOW)).toBe('valid')
    expect(expiryState(new Date(NOW + 7 * DAY + 1000), NOW)).toBe('valid')
    expect(expiryState(new Date(NOW + 7 * DAY), NOW)).toBe('soon')
    expect(expiryState(new Date(NOW + 1000), NOW)).toBe('soon')
    expect(expiryState(new Date(NOW), NOW)).toBe('expired')
    expect(expiryState(new Date(NOW - 2 * DAY), NOW)).toBe('expired')
  })

  it('counts down to the second', () => {
    expect(formatCountdown(6 * DAY + 23 * 3_600_000 + 59 * 60_000 + 5_000)).toBe('6 d 23 h 59 min 05 s')
    expect(formatCountdown(4 * 3_600_000 + 3 * 60_000 + 12_400)).toBe('04 h 03 min 12 s')
    expect(formatCountdown(-5)).toBe('00 h 00 min 00 s')
  })
})
