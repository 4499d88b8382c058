/**
 * Placement groups, in the two APIs that serve them (`sequences/instance--placement-group-basic.json`):
 * - Instance v1 `/placement_groups` (`{"placement_group": ...}` with `organization`, `project`, `policy_mode`,
 *   `policy_type`, `policy_respected`; create 201; lists with `X-Total-Count`), plus `/placement_groups/{id}/servers`;
 * - Instance v2alpha1 `/placement-groups` (the resource itself with `project_id`, `policy_type`, dates; create **200**;
 *   lists `{placement_groups, total_count}`; compact JSON).
 * v2alpha1 has no `policy_mode`: a group created there is `optional` until v1 changes it, as the recorded
 * conversation does. Unknown id: 404 `instance_placement_group`. `policy_respected` is always true (the emulator has
 * no hypervisors to spread servers over). A server joins with PATCH /servers/{id} `placement_group` (servers.ts).
 */
import { randomUUID } from 'node:crypto'
import { getOr404, invalidArgument, invalidArguments, type ArgumentDetail } from '../errors.ts'
import {
  bodyObject, type Ctx, enumQuery, json, noContent, optionalString, optionalTags, queryList, type Reply, requireAccess,
  type Route, uuidQuery, zoneParam,
} from '../http.ts'
import { isoDate, isUuid } from '../ids.ts'
import { globalList, instanceList } from '../pagination.ts'
import type { PlacementGroup, ZoneData } from '../store.ts'
import { resolveProject } from './lookup.ts'
import { renderPlacementGroupV1 } from './render.ts'

const renderV2 = (group: PlacementGroup): Record<string, unknown> => ({
  project_id: group.project,
  name: group.name,
  id: group.id,
  policy_type: group.policyType,
  tags: group.tags,
  created_at: isoDate(group.createdAt),
  updated_at: isoDate(group.updatedAt),
  zone: group.zone,
})

const POLICY_TYPES = ['max_availability', 'low_latency'] as const
const POLICY_MODES = ['optional', 'enforced'] as const

const oneOf = <T extends string>(body: Record<string, unknown>, name: string, values: readonly T[], details: ArgumentDetail[]): T | undefined => {
  const v = body[name]
  if (v === undefined || v === null) return undefined
  if (!(values as readonly unknown[]).includes(v)) {
    details.push({ argument_name: name, reason: 'constraint', help_message: `value must be one of ${values.join(', ')}` })
    return undefined
  }
  return v as T
}

const find = (ctx: Ctx, access: 'read' | 'write', action?: string): { group: PlacementGroup; data: ZoneData } => {
  const { data } = zoneParam(ctx)
  const group = getOr404(data.placementGroups, ctx.params.id ?? '', 'instance_placement_group')
  requireAccess(ctx, 'instance', access, 'placement_group', group.project, action)
  return { group, data }
}

const create = (ctx: Ctx, project: string | undefined, body: Record<string, unknown>, details: ArgumentDetail[]): PlacementGroup => {
  const { zone, data } = zoneParam(ctx)
  const policyType = oneOf(body, 'policy_type', POLICY_TYPES, details)
  const policyMode = oneOf(body, 'policy_mode', POLICY_MODES, details)
  if (details.length > 0) throw invalidArguments(details)
  requireAccess(ctx, 'instance', 'write', 'placement_group', project)
  const group: PlacementGroup = {
    id: randomUUID(), name: optionalString(body, 'name') || `pg-${randomUUID().slice(0, 8)}`, project: project!,
    organization: ctx.store.organizationId, zone, policyMode: policyMode ?? 'optional',
    policyType: policyType ?? 'max_availability', tags: optionalTags(body) ?? [], createdAt: ctx.now, updatedAt: ctx.now,
  }
  data.placementGroups.set(group.id, group)
  return group
}

const update = (ctx: Ctx, group: PlacementGroup): void => {
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const policyType = oneOf(body, 'policy_type', POLICY_TYPES, details)
  const policyMode = oneOf(body, 'policy_mode', POLICY_MODES, details)
  if (details.length > 0) throw invalidArguments(details)
  const name = optionalString(body, 'name')
  const tags = optionalTags(body)
  if (name !== undefined && name !== '') group.name = name
  if (tags !== undefined) group.tags = tags
  if (policyType !== undefined) group.policyType = policyType
  if (policyMode !== undefined) group.policyMode = policyMode
  group.updatedAt = ctx.now
}

const remove = (ctx: Ctx): Reply => {
  const { group, data } = find(ctx, 'write', 'delete')
  for (const server of data.servers.values()) if (server.placementGroupId === group.id) server.placementGroupId = null
  data.placementGroups.delete(group.id)
  return noContent()
}

const filters = (ctx: Ctx, project: string | undefined): ((g: PlacementGroup) => boolean) => {
  const readScope = requireAccess(ctx, 'instance', 'read', 'placement_group')
  const name = ctx.query.get('name')?.toLowerCase() || undefined
  const tags = queryList(ctx.query, 'tags')
  return (g) =>
    (readScope === 'all' || readScope.has(g.project)) && (!project || g.project === project) &&
    (!name || g.name.toLowerCase().includes(name)) && tags.every((t) => g.tags.includes(t))
}

// ---------------------------------------------------------------------------------------------- v1

const listV1 = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const { page, headers } = instanceList(ctx.query, '/placement_groups', {
    items: data.placementGroups.values(), keep: filters(ctx, uuidQuery(ctx.query, 'project')),
  })
  return json({ placement_groups: page.map(renderPlacementGroupV1) }, 200, headers)
}

const createV1 = (ctx: Ctx): Reply => {
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const group = create(ctx, resolveProject(ctx, body, details), body, details)
  return json({ placement_group: renderPlacementGroupV1(group) }, 201, {
    Location: `${ctx.baseUrl}/instance/v1/zones/${group.zone}/placement_groups/${group.id}`,
  })
}

const getV1 = (ctx: Ctx): Reply => json({ placement_group: renderPlacementGroupV1(find(ctx, 'read').group) })

const updateV1 = (ctx: Ctx): Reply => {
  const { group } = find(ctx, 'write')
  update(ctx, group)
  return json({ placement_group: renderPlacementGroupV1(group) })
}

const serversOf = (data: ZoneData, group: PlacementGroup): Record<string, unknown>[] =>
  [...data.servers.values()].filter((s) => s.placementGroupId === group.id).map((s) => ({ id: s.id, name: s.name, policy_respected: true }))

const getServers = (ctx: Ctx): Reply => {
  const { group, data } = find(ctx, 'read')
  return json({ servers: serversOf(data, group) })
}

/** PUT / PATCH /placement_groups/{id}/servers `{"servers": [ids]}`: the group's servers become exactly these. */
const setServers = (ctx: Ctx): Reply => {
  const { group, data } = find(ctx, 'write')
  const raw = bodyObject(ctx).servers ?? []
  if (!Array.isArray(raw) || raw.some((id) => typeof id !== 'string' || !isUuid(id))) {
    throw invalidArgument('servers', 'format', 'value must be an array of UUIDs')
  }
  const servers = (raw as string[]).map((id) => getOr404(data.servers, id, 'instance_server'))
  for (const server of data.servers.values()) if (server.placementGroupId === group.id) server.placementGroupId = null
  for (const server of servers) server.placementGroupId = group.id
  return json({ servers: serversOf(data, group) })
}

// ---------------------------------------------------------------------------------------------- v2alpha1

const listV2 = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const dir = (enumQuery(ctx.query, 'order_by', ['created_at_asc', 'created_at_desc'] as const) ?? 'created_at_asc').endsWith('_desc') ? -1 : 1
  const { page, totalCount } = globalList(ctx.query, {
    items: data.placementGroups.values(), keep: filters(ctx, uuidQuery(ctx.query, 'project_id')),
    order: (a, b) => dir * (a.createdAt - b.createdAt),
  })
  return json({ placement_groups: page.map(renderV2), total_count: totalCount })
}

const createV2 = (ctx: Ctx): Reply => {
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const project = body.project_id
  if (project === undefined || project === null) details.push({ argument_name: 'project_id', reason: 'required', help_message: 'required key not provided' })
  else if (typeof project !== 'string' || !isUuid(project)) details.push({ argument_name: 'project_id', reason: 'format', help_message: 'value must be a valid UUID' })
  else if (!ctx.store.projects.has(project)) details.push({ argument_name: 'project_id', reason: 'constraint', help_message: `project ${project} does not exist` })
  // v2alpha1 has no policy_mode: the group starts `optional`.
  const rest = { ...body }
  delete rest.policy_mode
  return json(renderV2(create(ctx, typeof project === 'string' ? project : undefined, rest, details)))
}

const getV2 = (ctx: Ctx): Reply => json(renderV2(find(ctx, 'read').group))

const updateV2 = (ctx: Ctx): Reply => {
  const { group } = find(ctx, 'write')
  update(ctx, group)
  return json(renderV2(group))
}

const V1 = '/instance/v1/zones/:zone/placement_groups'
const V2 = '/instance/v2alpha1/zones/:zone/placement-groups'
const route = (method: string, pattern: string, handler: Route['handler']): Route =>
  ({ method, pattern, product: 'instance', resource: 'placement_group', handler })
export const placementGroupRoutes: Route[] = [
  route('GET', V1, listV1),
  route('POST', V1, createV1),
  route('GET', `${V1}/:id`, getV1),
  route('PATCH', `${V1}/:id`, updateV1),
  route('DELETE', `${V1}/:id`, remove),
  route('GET', `${V1}/:id/servers`, getServers),
  route('PUT', `${V1}/:id/servers`, setServers),
  route('PATCH', `${V1}/:id/servers`, setServers),
  route('GET', V2, listV2),
  route('POST', V2, createV2),
  route('GET', `${V2}/:id`, getV2),
  route('PATCH', `${V2}/:id`, updateV2),
  route('DELETE', `${V2}/:id`, remove),
]
