/**
 * A server's interfaces in VPC Private Networks, in the two APIs that serve them:
 * - Instance v1 `/servers/{id}/private_nics` (`{"private_nic": ...}`, lists with `X-Total-Count`, create 201, Python
 *   style JSON), as in `sequences/instance--data-source-servers-private-ips.json` 17;
 * - Instance v2alpha1 `/private-network-interfaces` (the resource itself, lists `{private_network_interfaces,
 *   total_count}` with `page` / `page_size`, create **200**, compact JSON), as in `sequences/instance--private-nic-basic.json`
 *   21-53.
 * A new NIC is `attaching` (v1 `syncing`) until one transition has passed, then `available`; it books one IPAM address
 * per subnet of its network (model.ts attachPrivateNic). The server lists its NICs in `private_nics` (v1 shape).
 * Unknown NIC: 404 `instance_private_nic`; unknown network: 404 `private_network`. A network of another region than
 * the zone's is refused (modelled: 400 invalid_arguments on `private_network_id`).
 */
import { randomUUID } from 'node:crypto'
import { getOr404, invalidArgument, invalidArguments, type ArgumentDetail } from '../errors.ts'
import {
  bodyObject, type Ctx, enumQuery, json, noContent, optionalTags, queryList, type Reply, requireAccess, type Route,
  uuidQuery, zoneParam,
} from '../http.ts'
import { isoDate, isUuid } from '../ids.ts'
import { attachPrivateNic, regionOf, removePrivateNic } from '../model.ts'
import { globalList, instanceList } from '../pagination.ts'
import type { PrivateNic, Server, ZoneData } from '../store.ts'
import { findPrivateNetwork } from '../vpc.ts'
import { findServer } from './lookup.ts'
import { renderPrivateNicV1 } from './render.ts'

const renderV2 = (nic: PrivateNic): Record<string, unknown> => ({
  id: nic.id,
  private_network_id: nic.privateNetworkId,
  project_id: nic.projectId,
  server_id: nic.serverId,
  security_group_id: '',
  mac_address: nic.macAddress,
  status: nic.creatingSince !== null ? 'attaching' : 'available',
  ip_ids: nic.ipIds,
  tags: nic.tags,
  created_at: isoDate(nic.createdAt),
  updated_at: isoDate(nic.updatedAt),
})

/** The NICs of a server, in creation order. */
export const nicsOf = (data: ZoneData, server: Server): PrivateNic[] => [...data.privateNics.values()].filter((n) => n.serverId === server.id)

/** Plugs a server into the network a create body names. */
const plug = (ctx: Ctx, server: Server, body: Record<string, unknown>): PrivateNic => {
  const networkId = body.private_network_id
  if (typeof networkId !== 'string' || networkId === '') throw invalidArgument('private_network_id', 'required', 'required key not provided')
  if (!isUuid(networkId)) throw invalidArgument('private_network_id', 'format', 'value must be a valid UUID')
  const network = findPrivateNetwork(ctx, networkId, undefined, 'read')
  if (network.region !== regionOf(server.zone)) {
    throw invalidArgument('private_network_id', 'constraint', `private network ${network.id} is in ${network.region}, not in the server's region`)
  }
  return attachPrivateNic(ctx.store, server, network, { id: randomUUID(), tags: optionalTags(body) ?? [], at: ctx.now })
}

const findNic = (data: ZoneData, id: string, server?: Server): PrivateNic => {
  const nic = data.privateNics.get(id)
  return getOr404(new Map(nic && (!server || nic.serverId === server.id) ? [[id, nic]] : []), id, 'instance_private_nic')
}

const retag = (ctx: Ctx, nic: PrivateNic): void => {
  const tags = optionalTags(bodyObject(ctx))
  if (tags !== undefined) nic.tags = tags
  nic.updatedAt = ctx.now
}

// ---------------------------------------------------------------------------------------------- v1

const listV1 = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const server = findServer(ctx, data, 'read')
  const tags = queryList(ctx.query, 'tags')
  const { page, headers } = instanceList(ctx.query, `/servers/${server.id}/private_nics`, {
    items: nicsOf(data, server), keep: (n) => tags.every((t) => n.tags.includes(t)),
  })
  return json({ private_nics: page.map(renderPrivateNicV1) }, 200, headers)
}

const createV1 = (ctx: Ctx): Reply => {
  const { zone, data } = zoneParam(ctx)
  const server = findServer(ctx, data, 'write')
  const nic = plug(ctx, server, bodyObject(ctx))
  return json({ private_nic: renderPrivateNicV1(nic) }, 201, {
    Location: `${ctx.baseUrl}/instance/v1/zones/${zone}/servers/${server.id}/private_nics/${nic.id}`,
  })
}

const getV1 = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const server = findServer(ctx, data, 'read')
  return json({ private_nic: renderPrivateNicV1(findNic(data, ctx.params.nicId ?? '', server)) })
}

const updateV1 = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const server = findServer(ctx, data, 'write')
  const nic = findNic(data, ctx.params.nicId ?? '', server)
  retag(ctx, nic)
  return json({ private_nic: renderPrivateNicV1(nic) })
}

const deleteV1 = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const server = findServer(ctx, data, 'write', 'delete')
  removePrivateNic(ctx.store, findNic(data, ctx.params.nicId ?? '', server))
  return noContent()
}

// ---------------------------------------------------------------------------------------------- v2alpha1

const ORDERS = ['created_at_desc', 'created_at_asc'] as const

const listV2 = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'private_nic')
  const project = uuidQuery(q, 'project_id')
  const servers = queryList(q, 'server_ids')
  const networks = queryList(q, 'private_network_ids')
  const tags = queryList(q, 'tags')
  const dir = (enumQuery(q, 'order_by', ORDERS) ?? 'created_at_desc').endsWith('_desc') ? -1 : 1
  const seq = new Map([...data.privateNics.values()].map((n, i) => [n, i]))
  const { page, totalCount } = globalList(q, {
    items: data.privateNics.values(),
    keep: (n) =>
      (readScope === 'all' || readScope.has(n.projectId)) && (!project || n.projectId === project) &&
      (servers.length === 0 || servers.includes(n.serverId)) && (networks.length === 0 || networks.includes(n.privateNetworkId)) &&
      tags.every((t) => n.tags.includes(t)),
    order: (a, b) => dir * (a.createdAt - b.createdAt || seq.get(a)! - seq.get(b)!),
  })
  return json({ private_network_interfaces: page.map(renderV2), total_count: totalCount })
}

const createV2 = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const serverId = body.server_id
  if (typeof serverId !== 'string' || serverId === '') details.push({ argument_name: 'server_id', reason: 'required', help_message: 'required key not provided' })
  if (details.length > 0) throw invalidArguments(details)
  const server = getOr404(data.servers, serverId as string, 'instance_server')
  requireAccess(ctx, 'instance', 'write', 'private_nic', server.project)
  return json(renderV2(plug(ctx, server, body)))
}

const findV2 = (ctx: Ctx, access: 'read' | 'write', action?: string): PrivateNic => {
  const { data } = zoneParam(ctx)
  const nic = findNic(data, ctx.params.id ?? '')
  requireAccess(ctx, 'instance', access, 'private_nic', nic.projectId, action)
  return nic
}

const getV2 = (ctx: Ctx): Reply => json(renderV2(findV2(ctx, 'read')))

const updateV2 = (ctx: Ctx): Reply => {
  const nic = findV2(ctx, 'write')
  retag(ctx, nic)
  return json(renderV2(nic))
}

const deleteV2 = (ctx: Ctx): Reply => {
  removePrivateNic(ctx.store, findV2(ctx, 'write', 'delete'))
  return noContent()
}

const S = '/instance/v1/zones/:zone/servers/:id/private_nics'
const P = '/instance/v2alpha1/zones/:zone/private-network-interfaces'
const route = (method: string, pattern: string, handler: Route['handler']): Route =>
  ({ method, pattern, product: 'instance', resource: 'private_nic', handler })
export const privateNicRoutes: Route[] = [
  route('GET', S, listV1),
  route('POST', S, createV1),
  route('GET', `${S}/:nicId`, getV1),
  route('PATCH', `${S}/:nicId`, updateV1),
  route('DELETE', `${S}/:nicId`, deleteV1),
  route('GET', P, listV2),
  route('POST', P, createV2),
  route('GET', `${P}/:id`, getV2),
  route('PATCH', `${P}/:id`, updateV2),
  route('DELETE', `${P}/:id`, deleteV2),
]
