/** Instance flexible IPs: list, get (by id or address), create, attach / detach / reverse, delete. */
import { randomUUID } from 'node:crypto'
import { getOr404, invalidArgument, invalidArguments, type ArgumentDetail } from '../errors.ts'
import {
  bodyObject, boolQuery, type Ctx, json, noContent, optionalString, optionalTags, queryList, type Reply, requireAccess,
  type Route, uuidQuery, zoneParam,
} from '../http.ts'
import { addIp, attachIp, makeIp } from '../model.ts'
import { instanceList } from '../pagination.ts'
import type { FlexibleIp, Server } from '../store.ts'
import { findIp, resolveProject } from './lookup.ts'
import { renderIp } from './render.ts'

const IP_TYPES = ['routed_ipv4', 'routed_ipv6'] as const

const FQDN_RE = /^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}\.?$/i

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
  const attached = boolQuery(q, 'attached')
  const { page, headers } = instanceList(q, '/ips', {
    items: data.ips.values(),
    keep: (ip) =>
      (readScope === 'all' || readScope.has(ip.project)) &&
      (!project || ip.project === project) &&
      (!organization || ip.organization === organization) &&
      tags.every((t) => ip.tags.includes(t)) &&
      (!name || ip.address.includes(name)) &&
      (!type || ip.type === type) &&
      (attached === undefined || (ip.serverId !== null) === attached),
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
  const server = serverId === undefined ? undefined : getOr404(data.servers, serverId, 'instance_server')
  const ip = makeIp(ctx.store, {
    id: randomUUID(), zone, project: project!, organization: ctx.store.organizationId,
    type: type as FlexibleIp['type'], tags,
  })
  addIp(ctx.store, ip)
  if (server) attachIp(data, ip, server)
  return json({ ip: renderIp(ctx.store, ip) }, 201, { Location: `${ctx.baseUrl}/instance/v1/zones/${zone}/ips/${ip.id}` })
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
    else if (!FQDN_RE.test(r)) {
      throw invalidArgument('reverse', 'constraint',
        `Your reverse must resolve. Ensure the command 'dig +short ${r}' matches your IP address '${ip.address}'. If it does, please contact our support.`)
    } else reverse = r
  }
  let target: Server | null | undefined
  if ('server' in body) {
    const s = body.server
    if (s === null || s === '') target = null
    else if (typeof s !== 'string') throw invalidArgument('server', 'format', 'value must be a valid UUID')
    else {
      target = getOr404(data.servers, s, 'instance_server')
      requireAccess(ctx, 'instance', 'write', 'server', target.project)
    }
  }
  if (tags !== undefined) ip.tags = tags
  if (reverse !== undefined) ip.reverse = reverse
  if (target !== undefined) attachIp(data, ip, target)
  return json({ ip: renderIp(ctx.store, ip) })
}

const deleteIp = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const ip = findIp(ctx, data, 'write', 'delete')
  attachIp(data, ip, null)
  data.ips.delete(ip.id)
  data.ipByAddress.delete(ip.address)
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
