/**
 * Instance flexible IPs: list, get (by id or IPv4 address), create, attach / detach / reverse, delete.
 *
 * - Shapes: routed IPv4 `{address: "51.158.64.2", prefix: null}`, routed IPv6 `{address: null,
 *   prefix: "2001:bc8:710:4001::/64"}` (render.ts; `sequences/instance--ip-routed-ipv6-attached.json`).
 * - Attach goes through `pending` unless the server is stopped; detach is immediate (state-machine.ts).
 * - Reverse DNS must resolve through the fake forward DNS of reverse-dns.ts.
 * - GET /ips filters are the spec's: project, organization, tags, name (substring of the address, or of the
 *   prefix for an IPv6), type. The spec has no `attached` parameter: unknown parameters are ignored, as elsewhere.
 */
import { randomUUID } from 'node:crypto'
import { getOr404, invalidArgument, invalidArguments, type ArgumentDetail } from '../errors.ts'
import {
  bodyObject, type Ctx, json, noContent, optionalString, optionalTags, queryList, type Reply, requireAccess,
  type Route, uuidQuery, zoneParam,
} from '../http.ts'
import { addIp, linkIp, makeIp, removeIp } from '../model.ts'
import { instanceList } from '../pagination.ts'
import type { FlexibleIp, Server, ZoneData } from '../store.ts'
import { findIp, resolveProject, sameProjectOrRefuse } from './lookup.ts'
import { renderIp } from './render.ts'
import { resolvesTo, reverseRefusal } from './reverse-dns.ts'
import { attachFlexibleIp } from './state-machine.ts'

const IP_TYPES = ['routed_ipv4', 'routed_ipv6'] as const

const listIps = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'ip')
  const project = uuidQuery(q, 'project')
  const organization = uuidQuery(q, 'organization')
  const tags = queryList(q, 'tags')
  const name = q.get('name') || undefined
  const type = q.get('type') || undefined
  if (type !== undefined && !(IP_TYPES as readonly string[]).includes(type) && type !== 'nat') {
    throw invalidArgument('type', 'constraint', 'value must be one of routed_ipv4, routed_ipv6, nat')
  }
  const { page, headers } = instanceList(q, '/ips', {
    items: data.ips.values(),
    keep: (ip) =>
      (readScope === 'all' || readScope.has(ip.project)) &&
      (!project || ip.project === project) &&
      (!organization || ip.organization === organization) &&
      tags.every((t) => ip.tags.includes(t)) &&
      (!name || (ip.address ?? ip.prefix ?? '').includes(name)) &&
      (!type || ip.type === type),
  })
  return json({ ips: page.map((ip) => renderIp(ctx.store, ip)) }, 200, headers)
}

const getIp = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  return json({ ip: renderIp(ctx.store, findIp(ctx, data, 'read')) })
}

const createIp = (ctx: Ctx): Reply => {
  const { zone, data } = zoneParam(ctx)
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const project = resolveProject(ctx, body, details)
  const type = body.type ?? 'routed_ipv4'
  if (typeof type !== 'string' || !(IP_TYPES as readonly string[]).includes(type)) {
    details.push({ argument_name: 'type', reason: 'constraint', help_message: 'value must be one of routed_ipv4, routed_ipv6' })
  }
  if (details.length > 0) throw invalidArguments(details)
  const tags = optionalTags(body) ?? []
  const serverId = optionalString(body, 'server')
  requireAccess(ctx, 'instance', 'write', 'ip', project)
  const server = serverId === undefined || serverId === '' ? undefined : targetServer(ctx, data, serverId, project!)
  const ip = makeIp(ctx.store, {
    id: randomUUID(), zone, project: project!, organization: ctx.store.organizationId,
    type: type as FlexibleIp['type'], tags,
  })
  addIp(ctx.store, ip)
  if (server) attachFlexibleIp(ctx.store, ip, server, ctx.now, ctx.transitionMs)
  return json({ ip: renderIp(ctx.store, ip) }, 201, { Location: `${ctx.baseUrl}/instance/v1/zones/${zone}/ips/${ip.id}` })
}

/**
 * The server an IP of `project` is to be attached to: 404 instance_server when unknown, 403 when the caller may not
 * write it, 400 when it belongs to another project (lookup.ts `sameProjectOrRefuse`).
 */
const targetServer = (ctx: Ctx, data: ZoneData, id: string, project: string): Server => {
  const server = getOr404(data.servers, id, 'instance_server')
  requireAccess(ctx, 'instance', 'write', 'server', server.project)
  sameProjectOrRefuse('server', project, server.project)
  return server
}

const updateIp = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const ip = findIp(ctx, data, 'write')
  const body = bodyObject(ctx)
  const tags = optionalTags(body)
  let reverse: string | null | undefined
  if ('reverse' in body) {
    const r = body.reverse
    if (r === null || r === '') reverse = null
    else if (typeof r !== 'string') throw invalidArgument('reverse', 'format', 'value must be a string')
    else if (!resolvesTo(r, ip)) throw reverseRefusal(r, ip)
    else reverse = r
  }
  let target: Server | null | undefined
  if ('server' in body) {
    const s = body.server
    if (s === null || s === '') target = null
    else if (typeof s !== 'string') throw invalidArgument('server', 'format', 'value must be a valid UUID')
    else target = targetServer(ctx, data, s, ip.project)
  }
  if (tags !== undefined) ip.tags = tags
  if (reverse !== undefined) ip.reverse = reverse
  if (target === null) linkIp(ctx.store, ip, null)
  else if (target !== undefined) attachFlexibleIp(ctx.store, ip, target, ctx.now, ctx.transitionMs)
  return json({ ip: renderIp(ctx.store, ip) })
}

const deleteIp = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  removeIp(ctx.store, findIp(ctx, data, 'write', 'delete'))
  return noContent()
}

const Z = '/instance/v1/zones/:zone'
export const ipRoutes: Route[] = [
  { method: 'GET', pattern: `${Z}/ips`, product: 'instance', resource: 'ip', handler: listIps },
  { method: 'POST', pattern: `${Z}/ips`, product: 'instance', resource: 'ip', handler: createIp },
  { method: 'GET', pattern: `${Z}/ips/:ip`, product: 'instance', resource: 'ip', handler: getIp },
  { method: 'PATCH', pattern: `${Z}/ips/:ip`, product: 'instance', resource: 'ip', handler: updateIp },
  { method: 'DELETE', pattern: `${Z}/ips/:ip`, product: 'instance', resource: 'ip', handler: deleteIp },
]
