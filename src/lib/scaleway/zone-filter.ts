/**
 * Where each resource's lists live in the query cache. Factories build their keys from
 * these, and a write in one feature can make another feature's lists stale (a server
 * created with a new IP) without importing that feature.
 */
export const LIST_KEYS = {
  instances: ['instances', 'list'],
  ips: ['ips', 'list'],
} as const

/**
 * Every list query under `prefix` whose key holds `{ zone }`: what a write in that zone
 * makes stale. Lists key their parameters object third (`[feature, 'list', { zone, … }]`).
 */
export const zoneListsFilter = (prefix: readonly unknown[], zone: string) => ({
  queryKey: prefix,
  predicate: (query: { queryKey: readonly unknown[] }) => (query.queryKey[2] as { zone?: string } | undefined)?.zone === zone,
})
