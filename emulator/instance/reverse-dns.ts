/**
 * Reverse DNS of flexible IPs, and the emulator's deterministic fake forward DNS.
 *
 * The real API only accepts a reverse whose forward DNS points back at the IP: otherwise it answers
 * 400 invalid_arguments on `reverse` (reason "constraint"), and the same name is accepted once its DNS record exists
 * (`error_instance_400_invalid_arguments_ip_reverse.json` then `instance_update_ip_reverse.json`, same IP and name,
 * 27 s apart). The emulator resolves nothing on the network; instead:
 *
 * Fake forward DNS (the console's README may quote this):
 *   A reverse name resolves to a flexible IP when its first label is the IP's address written with dashes
 *   (`51-158-64-2.example.com` for 51.158.64.2; for a routed IPv6, the first 4 groups of its /64 prefix,
 *   `2001-bc8-710-4001.example.com` for 2001:bc8:710:4001::/64), or when it is a name in the demo organisation's
 *   zone (`*.demo.example`, e.g. `spare.demo.example`). Any other name, or a string that is not a domain name,
 *   does not point back and is refused with the recorded error.
 *
 * `"reverse": null` or `""` resets the reverse to the default, which the API shows as `reverse: null`
 * (every recorded IP without a custom reverse: `instance_get_ip.json`, `instance_list_ips.json`, `instance_create_ip.json`).
 * Names are compared without case and without a trailing dot, and stored as sent.
 */
import { type ApiError, invalidArgument } from '../errors.ts'
import type { FlexibleIp } from '../store.ts'

/** The demo organisation's DNS zone: every name under it resolves to any of the organisation's IPs. */
export const DEMO_ZONE = 'demo.example'

const FQDN_RE = /^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}\.?$/i

/** The first label a name must carry to point at this IP: `51-158-64-2`, or `2001-bc8-710-4001` for a /64. */
export const dashedLabel = (ip: FlexibleIp): string | null => {
  if (ip.address !== null) return ip.address.replace(/\./g, '-')
  if (ip.prefix === null) return null
  const groups = expandIpv6(ip.prefix.replace(/\/\d+$/, ''))
  return groups === null ? null : groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join('-')
}

/** The 8 groups of an IPv6 address (`::` expanded), or null when it is not one. */
const expandIpv6 = (address: string): string[] | null => {
  const halves = address.split('::')
  if (halves.length > 2) return null
  const head = halves[0] === '' ? [] : (halves[0] ?? '').split(':')
  const tail = halves.length === 2 && halves[1] !== '' ? (halves[1] ?? '').split(':') : []
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) ? groups : null
}

/** Same dashed label, ignoring case and leading zeros of IPv6 groups (`2001-0bc8-…` = `2001-bc8-…`). */
const sameLabel = (label: string, expected: string, v6: boolean): boolean => {
  if (!v6) return label === expected
  const a = label.split('-')
  const b = expected.split('-')
  return a.length === b.length && a.every((g, i) => /^[0-9a-f]{1,4}$/.test(g) && parseInt(g, 16) === parseInt(b[i] ?? '', 16))
}

/** Whether the fake forward DNS points `name` back at `ip` (rule at the top of this file). */
export const resolvesTo = (name: string, ip: FlexibleIp): boolean => {
  if (!FQDN_RE.test(name)) return false
  const fqdn = name.toLowerCase().replace(/\.$/, '')
  if (fqdn.endsWith(`.${DEMO_ZONE}`)) return true
  const expected = dashedLabel(ip)
  const first = fqdn.split('.')[0] ?? ''
  return expected !== null && sameLabel(first, expected, ip.address === null)
}

/**
 * The recorded refusal, word for word: the name and the IP's address (for a routed IPv6, its prefix, modelled: the
 * recording is of an IPv4).
 */
export const reverseRefusal = (name: string, ip: FlexibleIp): ApiError =>
  invalidArgument('reverse', 'constraint',
    `Your reverse must resolve. Ensure the command 'dig +short ${name}' matches your IP address '${ip.address ?? ip.prefix ?? ''}'. If it does, please contact our support.`)
