/** Display helpers: one way to write sizes, prices and dates across the console. */

const bytes = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })

/** Decimal units, as Scaleway sizes volumes (20 GB = 20,000,000,000 bytes). */
export function formatBytes(value: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB']
  let v = value
  let unit = 0
  while (v >= 1000 && unit < units.length - 1) {
    v /= 1000
    unit++
  }
  return `${bytes.format(v)} ${units[unit]}`
}

/** Binary units for memory (RAM is sold in GiB, shown as "GB" by Scaleway). */
export function formatMemory(value: number): string {
  return `${bytes.format(value / 2 ** 30)} GB`
}

const euros = (digits: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: digits, minimumFractionDigits: 2 })

export function formatHourly(price: number): string {
  return `${euros(4).format(price)}/h`
}

export function formatMonthly(price: number): string {
  return `${euros(2).format(price)}/month`
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "3 days ago", "in 2 hours", "now". */
export function formatRelative(date: Date, now: number = Date.now()): string {
  const seconds = (date.getTime() - now) / 1000
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit)
  }
  return 'just now'
}

const exact = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })

// Formatting a date is slow next to everything else a list row does: a long list formats the same dates again as it
// scrolls. Bounded: emptied when full.
const exactCache = new Map<number, string>()

/** "5 Jan 2026, 09:00:00 UTC": the same for everyone who reads it. */
export function formatExact(date: Date): string {
  const time = date.getTime()
  let text = exactCache.get(time)
  if (text === undefined) {
    if (exactCache.size >= 20_000) exactCache.clear()
    text = `${exact.format(date)} UTC`
    exactCache.set(time, text)
  }
  return text
}
