import { describe, expect, it } from 'vitest'
import type { Server } from '@/features/instances'
import type { Ip } from '@/features/ips'
import { csvCell, exportRows, toCsv, toJson } from './inventory-export'
import { idleHints, matchesFilter, STUCK_AFTER_MS, summarizeByZone, tagsOf, tally, tallyByProject } from './inventory-model'

const P1 = '11111111-1111-4111-8111-111111111111'
const P2 = '22222222-2222-4222-8222-222222222222'
const NOW = Date.UTC(2026, 10, 25, 12)

let n = 0
function server(fields: Partial<Server> = {}): Server {
  n++
  return {
    id: `s-${n}`, name: `srv-${n}`, zone: 'fr-par-1', state: 'running', project: P1, tags: [], commercialType: 'DEV1-S',
    image: { name: 'Ubuntu 24.04' }, volumes: { '0': { id: `v-${n}`, volumeType: 'sbs_volume' } }, publicIps: [], privateIp: undefined,
    creationDate: new Date(NOW - 86_400_000), modificationDate: new Date(NOW - 86_400_000),
    ...fields,
  } as unknown as Server
}
function ip(fields: Partial<Ip> = {}): Ip {
  n++
  return { id: `ip-${n}`, zone: 'fr-par-1', address: `51.15.0.${n}`, prefix: '', type: 'routed_ipv4', project: P1, tags: [], state: 'detached', ...fields } as unknown as Ip
}

describe('inventory model', () => {
  it('counts servers by state and IPs attached/detached per zone, every zone present', () => {
    const summaries = summarizeByZone(['fr-par-1', 'nl-ams-1', 'pl-waw-1'], [
      server(), server({ state: 'stopped' }), server({ zone: 'nl-ams-1' }),
    ], [ip(), ip({ server: { id: 's', name: 'x' } }), ip({ zone: 'nl-ams-1' })])
    expect(summaries.get('fr-par-1')).toEqual({ servers: 2, byState: { running: 1, stopped: 1 }, ipsAttached: 1, ipsDetached: 1 })
    expect(summaries.get('nl-ams-1')).toEqual({ servers: 1, byState: { running: 1 }, ipsAttached: 0, ipsDetached: 1 })
    expect(summaries.get('pl-waw-1')).toEqual({ servers: 0, byState: {}, ipsAttached: 0, ipsDetached: 0 })
  })

  it('filters by project and tag, both at once', () => {
    const items = [server({ project: P1, tags: ['web'] }), server({ project: P2, tags: ['web'] }), server({ project: P1, tags: ['db'] })]
    expect(items.filter(matchesFilter({ project: P1, tag: '' }))).toHaveLength(2)
    expect(items.filter(matchesFilter({ project: '', tag: 'web' }))).toHaveLength(2)
    expect(items.filter(matchesFilter({ project: P1, tag: 'web' }))).toEqual([items[0]])
    expect(tagsOf(items, [ip({ tags: ['edge', 'web'] })])).toEqual(['db', 'edge', 'web'])
  })

  it('tallies largest first, ties by name; projects by servers plus IPs', () => {
    expect(tally(['b', 'a', 'b', 'c', 'a'], (x) => x)).toEqual([{ key: 'a', count: 2 }, { key: 'b', count: 2 }, { key: 'c', count: 1 }])
    expect(tallyByProject([server({ project: P2 })], [ip(), ip(), ip({ project: P2 }), ip({ project: P2 })])).toEqual([
      { project: P2, servers: 1, ips: 2 },
      { project: P1, servers: 0, ips: 2 },
    ])
  })

  it('finds idle costs: detached IPs, stopped servers with volumes, stopped in place, stuck transitions', () => {
    const stuck = server({ state: 'starting', modificationDate: new Date(NOW - STUCK_AFTER_MS - 1) })
    const fresh = server({ state: 'stopping', modificationDate: new Date(NOW - 60_000) })
    const stopped = server({ state: 'stopped', volumes: { '0': {}, '1': {} } as unknown as Server['volumes'] })
    const bare = server({ state: 'stopped', volumes: {} })
    const inPlace = server({ state: 'stopped in place' })
    const detached = ip()
    const hints = idleHints([stuck, fresh, stopped, bare, inPlace, server()], [detached, ip({ server: { id: 's', name: 'x' } })], NOW)
    expect(hints.detachedIps).toEqual([detached])
    expect(hints.stoppedWithVolumes).toEqual([stopped])
    expect(hints.stoppedVolumes).toBe(2)
    expect(hints.stoppedInPlace).toEqual([inPlace])
    expect(hints.stuck).toEqual([stuck])
  })
})

describe('inventory export', () => {
  const servers = [server({ name: 'web, "prod"', tags: ['a', 'b'], project: P2 }), server({ name: '=HYPERLINK("x")' })]
  const ips = [ip({ server: { id: 's-9', name: 'web' } }), ip({ type: 'routed_ipv6', address: null as unknown as string, prefix: '2001:db8::/64' })]
  const rows = exportRows({ servers, ips, projectName: (id) => (id === P2 ? 'production' : undefined) })

  it('has one row per server and IP with zone and project', () => {
    const csv = toCsv(rows).trim().split('\r\n')
    expect(csv).toHaveLength(1 + servers.length + ips.length)
    expect(csv[1]).toContain(`,fr-par-1,`)
    expect(csv[1]).toContain(`,${P2},production,a b,`)
    expect(csv[3]).toMatch(/^flexible_ip,fr-par-1,ip-\d+,,attached,routed_ipv4,,51\.15\.0\.\d+,web \(s-9\),/)
    expect(csv[4]).toContain(',2001:db8::/64,')
  })

  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csvCell('web, "prod"')).toBe('"web, ""prod"""')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('plain')).toBe('plain')
  })

  it('JSON lists servers and IPs apart, tags as arrays, and names the zones it could not read', () => {
    const json = JSON.parse(toJson(rows, ['fr-par-2'], new Date(NOW))) as Record<string, unknown[]>
    expect(json.servers).toHaveLength(2)
    expect(json.flexible_ips).toHaveLength(2)
    expect(json.unread_zones).toEqual(['fr-par-2'])
    expect(json.servers?.[0]).toMatchObject({ tags: ['a', 'b'], project_name: 'production' })
  })
})
