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

/** The 4 interface-id groups (modified EUI-64) of a MAC address, e.g. de:00:01:27:16:c9 -> dc00:1ff:fe27:16c9. */
const eui64 = (octets: readonly number[]): string => {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = octets
  return [((a ^ 0x02) << 8) | b, (c << 8) | 0xff, (0xfe << 8) | d, (e << 8) | f].map((g) => g.toString(16)).join(':')
}

const macOctets = (mac: string): number[] => mac.split(':').map((o) => parseInt(o, 16) || 0)

/**
 * The SLAAC address a server takes in a routed IPv6 /64: the prefix's 4 network groups + the MAC's EUI-64
 * (recorded: prefix 2001:bc8:711:4014::/64, MAC de:00:01:27:16:c9 -> 2001:bc8:711:4014:dc00:1ff:fe27:16c9,
 * `sequences/instance--ip-routed-ipv6-attached.json` 5).
 */
export const slaacAddress = (prefix: string, mac: string): string => `${prefix.replace(/::\/64$/, '')}:${eui64(macOctets(mac))}`

/** The link-local gateway of a routed IPv6: fe80:: + the EUI-64 of the MAC + 1 (recorded fe80::dc00:1ff:fe27:16ca). */
export const ipv6Gateway = (mac: string): string => {
  const octets = macOctets(mac)
  octets[5] = ((octets[5] ?? 0) + 1) & 0xff
  return `fe80::${eui64(octets)}`
}
