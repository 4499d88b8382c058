/**
 * Instance security groups and their rules, shaped like `sequences/instance--security-group-basic.json` and
 * `instance--data-source-security-group-basic.json`:
 * - groups: list (`X-Total-Count` + `Link`), create (201 + Location), get, update (PATCH), delete (204); unknown id:
 *   404 `instance_security_group`. The seed and every new server's project get a "Default security group" per zone
 *   (model.ts); `servers` lists the servers using a group.
 * - rules: a group with `enable_default_security` starts with the six recorded outbound SMTP drops (not editable,
 *   model.ts DEFAULT_SECURITY_RULES), then the user's rules, numbered per direction from 1. PUT /rules replaces the
 *   user's rules (an entry with a known `id` keeps it) and answers them all; a `/32` (`/128`) range is answered as the
 *   bare address, as recorded ("1.1.1.1/32" -> "1.1.1.1"). Unknown rule: 404 `instance_security_group_rule`.
 * Refusals nothing records, modelled: deleting a group servers still use answers the legacy Instance 409 `{"type": "conflict", "message": "Group is in use. You cannot delete it."}` (recordings README,
 * scaleway-sdk-go errors_test); a default rule cannot be changed (400 invalid_request_error).
 */
import { randomUUID } from 'node:crypto'
import {
  ApiError, getOr404, invalidArgument, invalidArguments, invalidRequest, notFound, type ArgumentDetail,
} from '../errors.ts'
import {
  bodyObject, boolQuery, type Ctx, json, noContent, optionalBool, optionalString, optionalTags, queryList, type Reply,
  requireAccess, type Route, uuidQuery, zoneParam,
} from '../http.ts'
import { DEFAULT_SECURITY_RULES } from '../model.ts'
import { instanceList } from '../pagination.ts'
import type { SecurityGroup, SecurityGroupRule, SecurityPolicy, Server, ZoneData } from '../store.ts'
import { resolveProject } from './lookup.ts'
import { renderSecurityGroup } from './render.ts'

const membersByGroup = (data: ZoneData): Map<string, Server[]> => {
  const members = new Map<string, Server[]>()
  for (const server of data.servers.values()) {
    const list = members.get(server.securityGroupId)
    if (list) list.push(server)
    else members.set(server.securityGroupId, [server])
  }
  return members
}

const render = (data: ZoneData, group: SecurityGroup): Record<string, unknown> =>
  renderSecurityGroup(group, membersByGroup(data).get(group.id) ?? [])

const listSecurityGroups = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'security_group')
  const project = uuidQuery(q, 'project')
  const organization = uuidQuery(q, 'organization')
  const name = q.get('name')?.toLowerCase() || undefined
  const tags = queryList(q, 'tags')
  const projectDefault = boolQuery(q, 'project_default')
  const { page, headers } = instanceList(q, '/security_groups', {
    items: data.securityGroups.values(),
    keep: (g) =>
      (readScope === 'all' || readScope.has(g.project)) &&
      (!project || g.project === project) &&
      (!organization || g.organization === organization) &&
      (!name || g.name.toLowerCase().includes(name)) &&
      tags.every((t) => g.tags.includes(t)) &&
      (projectDefault === undefined || g.projectDefault === projectDefault),
  })
  const members = membersByGroup(data)
  return json({ security_groups: page.map((g) => renderSecurityGroup(g, members.get(g.id) ?? [])) }, 200, headers)
}

const findGroup = (ctx: Ctx, access: 'read' | 'write', action?: string): { group: SecurityGroup; data: ZoneData } => {
  const { data } = zoneParam(ctx)
  const group = getOr404(data.securityGroups, ctx.params.id ?? '', 'instance_security_group')
  requireAccess(ctx, 'instance', access, 'security_group', group.project, action)
  return { group, data }
}

const getSecurityGroup = (ctx: Ctx): Reply => {
  const { group, data } = findGroup(ctx, 'read')
  return json({ security_group: render(data, group) })
}

const policy = (body: Record<string, unknown>, name: string, details: ArgumentDetail[]): SecurityPolicy | undefined => {
  const v = body[name]
  if (v === undefined || v === null) return undefined
  if (v !== 'accept' && v !== 'drop') {
    details.push({ argument_name: name, reason: 'constraint', help_message: 'value must be one of accept, drop' })
    return undefined
  }
  return v
}

const createSecurityGroup = (ctx: Ctx): Reply => {
  const { zone, data } = zoneParam(ctx)
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const project = resolveProject(ctx, body, details)
  const inbound = policy(body, 'inbound_default_policy', details)
  const outbound = policy(body, 'outbound_default_policy', details)
  if (details.length > 0) throw invalidArguments(details)
  const name = optionalString(body, 'name')
  requireAccess(ctx, 'instance', 'write', 'security_group', project)
  const group: SecurityGroup = {
    id: randomUUID(),
    name: name || `sg-${randomUUID().slice(0, 8)}`,
    description: optionalString(body, 'description') ?? null,
    project: project!,
    organization: ctx.store.organizationId,
    zone,
    stateful: optionalBool(body, 'stateful') ?? true,
    inboundDefaultPolicy: inbound ?? 'accept',
    outboundDefaultPolicy: outbound ?? 'accept',
    projectDefault: optionalBool(body, 'project_default') ?? false,
    organizationDefault: optionalBool(body, 'organization_default') ?? false,
    enableDefaultSecurity: optionalBool(body, 'enable_default_security') ?? true,
    tags: optionalTags(body) ?? [],
    creationDate: ctx.now,
    modificationDate: ctx.now,
    rules: [],
  }
  data.securityGroups.set(group.id, group)
  return json({ security_group: render(data, group) }, 201, {
    Location: `${ctx.baseUrl}/instance/v1/zones/${zone}/security_groups/${group.id}`,
  })
}

const updateSecurityGroup = (ctx: Ctx): Reply => {
  const { group, data } = findGroup(ctx, 'write')
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const inbound = policy(body, 'inbound_default_policy', details)
  const outbound = policy(body, 'outbound_default_policy', details)
  if (details.length > 0) throw invalidArguments(details)
  const name = optionalString(body, 'name')
  if (name !== undefined && name !== '') group.name = name
  if ('description' in body) group.description = optionalString(body, 'description') ?? null
  const stateful = optionalBool(body, 'stateful')
  if (stateful !== undefined) group.stateful = stateful
  if (inbound !== undefined) group.inboundDefaultPolicy = inbound
  if (outbound !== undefined) group.outboundDefaultPolicy = outbound
  const enable = optionalBool(body, 'enable_default_security')
  if (enable !== undefined) group.enableDefaultSecurity = enable
  const projectDefault = optionalBool(body, 'project_default')
  if (projectDefault !== undefined) group.projectDefault = projectDefault
  const organizationDefault = optionalBool(body, 'organization_default')
  if (organizationDefault !== undefined) group.organizationDefault = organizationDefault
  const tags = optionalTags(body)
  if (tags !== undefined) group.tags = tags
  group.modificationDate = ctx.now
  return json({ security_group: render(data, group) })
}

const groupInUse = (): ApiError => new ApiError(409, { type: 'conflict', message: 'Group is in use. You cannot delete it.' })

const deleteSecurityGroup = (ctx: Ctx): Reply => {
  const { group, data } = findGroup(ctx, 'write', 'delete')
  // Modelled (not recorded): see the top of this file.
  if ((membersByGroup(data).get(group.id) ?? []).length > 0) throw groupInUse()
  data.securityGroups.delete(group.id)
  return noContent()
}

// ---------------------------------------------------------------------------------------------- rules

const PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'ANY'] as const
const DIRECTIONS = ['inbound', 'outbound'] as const

/** `1.1.1.1/32` -> `1.1.1.1`, `::1/128` -> `::1`; other ranges as given. */
const shownRange = (range: string): string => range.replace(/^([\d.]+)\/32$/, '$1').replace(/^([0-9a-f:]+)\/128$/i, '$1')

const CIDR = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[0-9a-f:]*:[0-9a-f:]*(?:\/\d{1,3})?)$/i

/** Every rule of a group, as the API lists them: the default drops (when enabled), then the user's rules. */
const rulesOf = (group: SecurityGroup): { rule: SecurityGroupRule; position: number; editable: boolean }[] => {
  const counters = { inbound: 0, outbound: 0 }
  return [
    ...(group.enableDefaultSecurity ? DEFAULT_SECURITY_RULES.map((rule, i) => ({ rule, position: i + 1, editable: false })) : []),
    ...group.rules.map((rule) => ({ rule, position: ++counters[rule.direction], editable: true })),
  ]
}

const renderRule = (group: SecurityGroup, r: { rule: SecurityGroupRule; position: number; editable: boolean }): Record<string, unknown> => ({
  id: r.rule.id,
  protocol: r.rule.protocol,
  direction: r.rule.direction,
  ip_range: shownRange(r.rule.ipRange),
  dest_ip_range: r.rule.destIpRange === null ? null : shownRange(r.rule.destIpRange),
  dest_port_from: r.rule.destPortFrom,
  dest_port_to: r.rule.destPortTo,
  position: r.position,
  editable: r.editable,
  action: r.rule.action,
  zone: group.zone,
})

const port = (raw: unknown, name: string, details: ArgumentDetail[]): number | null => {
  if (raw === undefined || raw === null) return null
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 65535) {
    details.push({ argument_name: name, reason: 'constraint', help_message: 'value must be a port between 1 and 65535' })
    return null
  }
  return raw
}

/** A rule from a request body (`prefix`: the argument path, e.g. `rules.0.`); `id` when it keeps an existing one. */
const ruleFrom = (raw: unknown, prefix: string, id: string, details: ArgumentDetail[]): SecurityGroupRule => {
  const r = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) details.push({ argument_name: prefix.replace(/\.$/, ''), reason: 'format', help_message: 'value must be an object' })
  const protocol = r.protocol ?? 'TCP'
  if (!(PROTOCOLS as readonly unknown[]).includes(protocol)) details.push({ argument_name: `${prefix}protocol`, reason: 'constraint', help_message: `value must be one of ${PROTOCOLS.join(', ')}` })
  const direction = r.direction ?? 'inbound'
  if (!(DIRECTIONS as readonly unknown[]).includes(direction)) details.push({ argument_name: `${prefix}direction`, reason: 'constraint', help_message: 'value must be one of inbound, outbound' })
  const action = r.action ?? 'accept'
  if (action !== 'accept' && action !== 'drop') details.push({ argument_name: `${prefix}action`, reason: 'constraint', help_message: 'value must be one of accept, drop' })
  const ipRange = r.ip_range ?? '0.0.0.0/0'
  if (typeof ipRange !== 'string' || !CIDR.test(ipRange)) details.push({ argument_name: `${prefix}ip_range`, reason: 'format', help_message: 'value must be an IP range' })
  const destIpRange = r.dest_ip_range ?? null
  if (destIpRange !== null && (typeof destIpRange !== 'string' || !CIDR.test(destIpRange))) {
    details.push({ argument_name: `${prefix}dest_ip_range`, reason: 'format', help_message: 'value must be an IP range' })
  }
  return {
    id,
    protocol: protocol as SecurityGroupRule['protocol'],
    direction: direction as SecurityGroupRule['direction'],
    action: action as SecurityPolicy,
    ipRange: String(ipRange),
    destIpRange: typeof destIpRange === 'string' ? destIpRange : null,
    destPortFrom: port(r.dest_port_from, `${prefix}dest_port_from`, details),
    destPortTo: port(r.dest_port_to, `${prefix}dest_port_to`, details),
  }
}

const listRules = (ctx: Ctx): Reply => {
  const { group } = findGroup(ctx, 'read')
  const { page, headers } = instanceList(ctx.query, `/security_groups/${group.id}/rules`, { items: rulesOf(group) })
  return json({ rules: page.map((r) => renderRule(group, r)) }, 200, headers)
}

const setRules = (ctx: Ctx): Reply => {
  const { group } = findGroup(ctx, 'write')
  const body = bodyObject(ctx)
  const raw = body.rules ?? []
  if (!Array.isArray(raw)) throw invalidArgument('rules', 'format', 'value must be an array')
  const details: ArgumentDetail[] = []
  const known = new Set(group.rules.map((r) => r.id))
  const rules = raw.map((r: unknown, i) => {
    const given = r !== null && typeof r === 'object' ? (r as Record<string, unknown>).id : undefined
    return ruleFrom(r, `rules.${i}.`, typeof given === 'string' && known.has(given) ? given : randomUUID(), details)
  })
  if (details.length > 0) throw invalidArguments(details)
  group.rules = rules
  group.modificationDate = ctx.now
  return json({ rules: rulesOf(group).map((r) => renderRule(group, r)) })
}

const createRule = (ctx: Ctx): Reply => {
  const { group } = findGroup(ctx, 'write')
  const details: ArgumentDetail[] = []
  const rule = ruleFrom(bodyObject(ctx), '', randomUUID(), details)
  if (details.length > 0) throw invalidArguments(details)
  group.rules.push(rule)
  group.modificationDate = ctx.now
  const shown = rulesOf(group).find((r) => r.rule === rule)!
  return json({ rule: renderRule(group, shown) }, 201)
}

const findRule = (ctx: Ctx, access: 'read' | 'write', action?: string): { group: SecurityGroup; index: number } => {
  const { group } = findGroup(ctx, access, action)
  const ruleId = ctx.params.ruleId ?? ''
  if (DEFAULT_SECURITY_RULES.some((r) => r.id === ruleId) && group.enableDefaultSecurity) {
    if (access === 'write') throw invalidRequest('default security rules cannot be modified')
    return { group, index: -1 - DEFAULT_SECURITY_RULES.findIndex((r) => r.id === ruleId) }
  }
  const index = group.rules.findIndex((r) => r.id === ruleId)
  if (index < 0) throw notFound('instance_security_group_rule', ruleId)
  return { group, index }
}

const shownRule = (group: SecurityGroup, index: number): Record<string, unknown> => {
  const all = rulesOf(group)
  const rule = index < 0 ? DEFAULT_SECURITY_RULES[-1 - index]! : group.rules[index]!
  return renderRule(group, all.find((r) => r.rule === rule)!)
}

const getRule = (ctx: Ctx): Reply => {
  const { group, index } = findRule(ctx, 'read')
  return json({ rule: shownRule(group, index) })
}

const updateRule = (ctx: Ctx): Reply => {
  const { group, index } = findRule(ctx, 'write')
  const current = group.rules[index]!
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const merged = ruleFrom({
    protocol: current.protocol, direction: current.direction, action: current.action, ip_range: current.ipRange,
    dest_ip_range: current.destIpRange, dest_port_from: current.destPortFrom, dest_port_to: current.destPortTo,
    ...body,
  }, '', current.id, details)
  if (details.length > 0) throw invalidArguments(details)
  group.rules[index] = merged
  group.modificationDate = ctx.now
  return json({ rule: shownRule(group, index) })
}

const deleteRule = (ctx: Ctx): Reply => {
  const { group, index } = findRule(ctx, 'write', 'delete')
  group.rules.splice(index, 1)
  group.modificationDate = ctx.now
  return noContent()
}

const Z = '/instance/v1/zones/:zone'
const SG = `${Z}/security_groups/:id`
const route = (method: string, pattern: string, handler: Route['handler']): Route =>
  ({ method, pattern, product: 'instance', resource: 'security_group', handler })
export const securityGroupRoutes: Route[] = [
  route('GET', `${Z}/security_groups`, listSecurityGroups),
  route('POST', `${Z}/security_groups`, createSecurityGroup),
  route('GET', SG, getSecurityGroup),
  route('PATCH', SG, updateSecurityGroup),
  route('DELETE', SG, deleteSecurityGroup),
  route('GET', `${SG}/rules`, listRules),
  route('PUT', `${SG}/rules`, setRules),
  route('POST', `${SG}/rules`, createRule),
  route('GET', `${SG}/rules/:ruleId`, getRule),
  route('PATCH', `${SG}/rules/:ruleId`, updateRule),
  route('DELETE', `${SG}/rules/:ruleId`, deleteRule),
]
