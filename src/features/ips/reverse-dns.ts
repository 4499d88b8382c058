/** Checked before the request: a fully qualified domain name, as the Instance API wants for a reverse. */
export function validateReverse(name: string): string | undefined {
  const fqdn = name.trim().replace(/\.$/, '')
  if (fqdn === '') return undefined
  if (fqdn.length > 253) return 'A domain name has at most 253 characters.'
  const labels = fqdn.split('.')
  if (labels.length < 2) return `“${fqdn}” is not a fully qualified domain name: add its domain, e.g. ${fqdn}.example.com.`
  for (const label of labels) {
    if (label === '') return 'A domain name cannot have empty labels (“..”).'
    if (label.length > 63) return `“${label.slice(0, 20)}…” is longer than 63 characters.`
    if (!/^[a-z0-9-]+$/i.test(label)) return `“${label}” may only hold letters, digits and dashes.`
    if (label.startsWith('-') || label.endsWith('-')) return `“${label}” cannot start or end with a dash.`
  }
  // Letters, or an internationalised TLD in punycode (xn--…).
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/i.test(labels.at(-1) ?? '')) return `“${labels.at(-1)}” is not a top-level domain.`
  return undefined
}
