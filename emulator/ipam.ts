/**
 * IPAM API v1 (regional), read side: the addresses booked for private NICs (model.ts attachPrivateNic), as recorded
 * in `sequences/instance--private-nic-basic.json` 35 / 44 / 47: GET /ipam/v1/regions/{region}/ips filtered by
 * `project_id`, `private_network_id`, `resource_id`, `resource_type`, `mac_address`, `is_ipv6`, `order_by`
 * (`created_at_desc` lists the IPv6 first, as recorded), `page` / `page_size`; `{total_count, ips}`. GET /ips/{id};
 * unknown id: 404 `ip`. Permissions: the Instance ones (auth.ts has no IPAM product; see the README).
 */
import { getOr404 } from './errors.ts'
import { boolQuery, type Ctx, enumQuery, json, type Reply, requireAccess, type Route, uuidQuery } from './http.ts'
import { isoDate } from './ids.ts'
import { globalList } from './pagination.ts'
import type { IpamIp } from './store.ts'
import { regionParam } from './vpc.ts'

const render = (ip: IpamIp): Record<string, unknown> => ({
  id: ip.id,
  address: ip.address,
  project_id: ip.projectId,
  is_ipv6: ip.isIpv6,
  created_at: isoDate(ip.createdAt),
  updated_at: isoDate(ip.updatedAt),
  source: { subnet_id: ip.subnetId },
  resource: ip.resource
    ? { type: ip.resource.type, id: ip.resource.id, mac_address: ip.resource.macAddress, name: ip.resource.name }
    : null,
  tags: ip.tags,
  reverses: [],
  region: ip.region,
  zone: null,
})

const ORDERS = ['created_at_desc', 'created_at_asc', 'updated_at_desc', 'updated_at_asc', 'attached_at_desc', 'attached_at_asc'] as const

const listIps = (ctx: Ctx): Reply => {
  const region = regionParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'ip')
  const project = uuidQuery(q, 'project_id')
  const network = uuidQuery(q, 'private_network_id')
  const resourceId = uuidQuery(q, 'resource_id')
  const resourceType = q.get('resource_type') || undefined
  const mac = q.get('mac_address')?.toUpperCase() || undefined
  const isIpv6 = boolQuery(q, 'is_ipv6')
  const order = enumQuery(q, 'order_by', ORDERS) ?? 'created_at_desc'
  const dir = order.endsWith('_desc') ? -1 : 1
  const seq = new Map([...ctx.store.ipamIps.values()].map((ip, i) => [ip, i]))
  const { page, totalCount } = globalList(q, {
    items: ctx.store.ipamIps.values(),
    keep: (ip) =>
      ip.region === region && (readScope === 'all' || readScope.has(ip.projectId)) && (!project || ip.projectId === project) &&
      (!network || ip.privateNetworkId === network) && (!resourceId || ip.resource?.id === resourceId) &&
      (!resourceType || ip.resource?.type === resourceType) && (!mac || ip.resource?.macAddress === mac) &&
      (isIpv6 === undefined || ip.isIpv6 === isIpv6),
    // Booked in one go, the IPv4 then the IPv6 of a NIC share a date: the booking order breaks the tie.
    order: (a, b) => dir * (a.createdAt - b.createdAt || seq.get(a)! - seq.get(b)!),
  })
  return json({ total_count: totalCount, ips: page.map(render) })
}

const getIp = (ctx: Ctx): Reply => {
  const region = regionParam(ctx)
  const id = ctx.params.id ?? ''
  const ip = getOr404(new Map([...ctx.store.ipamIps].filter(([, v]) => v.region === region)), id, 'ip')
  requireAccess(ctx, 'instance', 'read', 'ip', ip.projectId)
  return json(render(ip))
}

const I = '/ipam/v1/regions/:region'
export const ipamRoutes: Route[] = [
  { method: 'GET', pattern: `${I}/ips`, product: 'instance', resource: 'ip', handler: listIps },
  { method: 'GET', pattern: `${I}/ips/:id`, product: 'instance', resource: 'ip', handler: getIp },
]
