import { createHash } from 'node:crypto'

/** Deterministic UUID (v4-shaped) derived from a name, so the seed is identical on every start. */
export const uuidFrom = (name: string): string => {
  const h = createHash('sha1').update(name).digest('hex')
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: string): boolean => UUID_RE.test(value)

export const macFrom = (id: string): string => {
  const h = id.replace(/-/g, '')
  return `de:00:00:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`
}

/** `2026-01-05T09:00:00.000000+00:00`, the Instance API date format. */
export const instanceDate = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00')

/** `2026-01-05T09:00:00.000000Z`, the IAM / Account date format. */
export const isoDate = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')

export const ipv4For = (n: number): string => `51.158.${64 + (Math.floor(n / 250) % 160)}.${(n % 250) + 2}`
export const ipv6PrefixFor = (n: number): string => `2001:bc8:710:${(0x4000 + n).toString(16)}::/64`
