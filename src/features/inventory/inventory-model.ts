/**
 * What the inventory computes from the fetched servers and IPs: pure functions,
 * so the page only composes and every figure is tested apart from React.
 */
import type { Server, ServerState } from '@/features/instances'
import type { Ip } from '@/features/ips'

/** The inventory's own filters (project and tag), applied here to what every zone answered. */
export interface InventoryFilter {
  project: string
  tag: string
}

type Owned = Pick<Server, 'project' | 'tags'>

export const matchesFilter = ({ project, tag }: InventoryFilter) => (item: Owned) =>
  (project === '' || item.project === project) && (tag === '' || item.tags.includes(tag))

export const isAttached = (ip: Pick<Ip, 'server'>) => ip.server != null

export interface ZoneSummary {
  servers: number
  byState: Partial<Record<ServerState, number>>
  ipsAttached: number
  ipsDetached: number
}

const emptySummary = (): ZoneSummary => ({ servers: 0, byState: {}, ipsAttached: 0, ipsDetached: 0 })

/** Per-zone counts; `zones` gives every zone a row, even one with nothing in it. */
export function summarizeByZone(zones: readonly string[], servers: readonly Server[], ips: readonly Ip[]): Map<string, ZoneSummary> {
  const byZone = new Map(zones.map((zone) => [zone, emptySummary()]))
  const of = (zone: string) => {
    let summary = byZone.get(zone)
    if (!summary) byZone.set(zone, (summary = emptySummary()))
    return summary
  }
  for (const server of servers) {
    const summary = of(server.zone)
    summary.servers += 1
    summary.byState[server.state] = (summary.byState[server.state] ?? 0) + 1
  }
  for (const ip of ips) {
    const summary = of(ip.zone)
    if (isAttached(ip)) summary.ipsAttached += 1
    else summary.ipsDetached += 1
  }
  return byZone
}

export interface Tally {
  key: string
  count: number
}

/** How many items fall under each key, the largest first (ties by key, so the order is stable). */
export function tally<T>(items: readonly T[], keyOf: (item: T) => string): Tally[] {
  const counts = new Map<string, number>()
  for (const item of items) {
    const key = keyOf(item)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
}

export const NO_IMAGE = 'No image'
export const imageOf = (server: Pick<Server, 'image'>) => server.image?.name || NO_IMAGE

export interface ProjectTally {
  project: string
  servers: number
  ips: number
}

/** Servers and IPs per project, the busiest first. */
export function tallyByProject(servers: readonly Owned[], ips: readonly Owned[]): ProjectTally[] {
  const byProject = new Map<string, ProjectTally>()
  const of = (project: string) => {
    let row = byProject.get(project)
    if (!row) byProject.set(project, (row = { project, servers: 0, ips: 0 }))
    return row
  }
  for (const server of servers) of(server.project).servers += 1
  for (const ip of ips) of(ip.project).ips += 1
  return [...byProject.values()].sort((a, b) => b.servers + b.ips - (a.servers + a.ips) || a.project.localeCompare(b.project))
}

/** Every tag in use, sorted: the choices of the tag filter. */
export function tagsOf(servers: readonly Owned[], ips: readonly Owned[]): string[] {
  return [...new Set([...servers, ...ips].flatMap((item) => item.tags))].sort((a, b) => a.localeCompare(b))
}

/** A server starting or stopping for longer than this is stuck: something needs a look. */
export const STUCK_AFTER_MS = 30 * 60_000

const TRANSIENT: readonly ServerState[] = ['starting', 'stopping']

export interface IdleHints {
  /** Flexible IPs attached to nothing: billed while unused. */
  detachedIps: Ip[]
  /** Powered-off servers whose volumes are still kept (and billed). */
  stoppedWithVolumes: Server[]
  /** How many volumes they hold (Block Storage volumes carry no size in a server's answer, so no bytes). */
  stoppedVolumes: number
  /** Stopped in place: the server is kept on its hypervisor and billed as if running. */
  stoppedInPlace: Server[]
  /** Starting or stopping since more than STUCK_AFTER_MS (by the last modification). */
  stuck: Server[]
}

const volumesOf = (server: Pick<Server, 'volumes'>) => Object.values(server.volumes)

export function idleHints(servers: readonly Server[], ips: readonly Ip[], now: number): IdleHints {
  const stoppedWithVolumes = servers.filter((s) => s.state === 'stopped' && volumesOf(s).length > 0)
  return {
    detachedIps: ips.filter((ip) => !isAttached(ip)),
    stoppedWithVolumes,
    stoppedVolumes: stoppedWithVolumes.reduce((sum, s) => sum + volumesOf(s).length, 0),
    stoppedInPlace: servers.filter((s) => s.state === 'stopped in place'),
    stuck: servers.filter(
      (s) => TRANSIENT.includes(s.state) && now - (s.modificationDate ?? s.creationDate ?? new Date(now)).getTime() > STUCK_AFTER_MS,
    ),
  }
}
