const DAY = 24 * 3_600_000
/** From this close to its expiry, a key is flagged. */
export const EXPIRY_WARNING_MS = 7 * DAY

export type ExpiryState = 'never' | 'valid' | 'soon' | 'expired'

export function expiryState(expiresAt: Date | undefined, now: number): ExpiryState {
  if (!expiresAt) return 'never'
  const left = expiresAt.getTime() - now
  if (left <= 0) return 'expired'
  return left <= EXPIRY_WARNING_MS ? 'soon' : 'valid'
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "6 d 23 h 59 min 05 s" (or "4 h 03 min 12 s" under a day): the time left, to the second. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3_600)
  const minutes = Math.floor((total % 3_600) / 60)
  const seconds = total % 60
  const clock = `${pad(hours)} h ${pad(minutes)} min ${pad(seconds)} s`
  return days > 0 ? `${days} d ${clock}` : clock
}
