/** Account API v3 (global): projects. `page` / `page_size` (default 20), `total_count` in the body. */
import { randomUUID } from 'node:crypto'
import { ApiError, invalidArgument, getOr404 } from './errors.ts'
import { bodyObject, type Ctx, json, noContent, optionalString, queryList, type Reply, requireAccess, type Route } from './http.ts'
import { isoDate, isUuid } from './ids.ts'
import { parseGlobalPage, slicePage } from './pagination.ts'
import type { Project } from './store.ts'

const renderProject = (p: Project): Record<string, unknown> => ({
  id: p.id,
  name: p.name,
  organization_id: p.organizationId,
  created_at: isoDate(p.createdAt),
  updated_at: isoDate(p.updatedAt),
  description: p.description,
  qualification: { architecture_type: 'unknown_architecture_type' },
})

const ORDERS = ['created_at_asc', 'created_at_desc', 'name_asc', 'name_desc']

const listProjects = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'account', 'read', 'project')
  const q = ctx.query
  const org = q.get('organization_id') || undefined
  if (org !== undefined && !isUuid(org)) throw invalidArgument('organization_id', 'format', 'value must be a valid UUID')
  const name = q.get('name')?.toLowerCase() || undefined
  const ids = queryList(q, 'project_ids')
  const order = q.get('order_by') || 'created_at_asc'
  if (!ORDERS.includes(order)) throw invalidArgument('order_by', 'constraint', `value must be one of ${ORDERS.join(', ')}`)
  const page = parseGlobalPage(q)
  const projects = [...ctx.store.projects.values()].filter((p) =>
    (!org || p.organizationId === org) && (!name || p.name.toLowerCase().includes(name)) && (ids.length === 0 || ids.includes(p.id)))
  const dir = order.endsWith('_desc') ? -1 : 1
  projects.sort((a, b) => dir * (order.startsWith('name') ? a.name.localeCompare(b.name) : a.createdAt - b.createdAt))
  return json({ projects: slicePage(projects, page).map(renderProject), total_count: projects.length })
}

const findProject = (ctx: Ctx): Project => {
  const id = ctx.params.id ?? ''
  const project = getOr404(ctx.store.projects, id, 'project_id')
  return project
}

const getProject = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'account', 'read', 'project')
  return json(renderProject(findProject(ctx)))
}

const createProject = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'account', 'write', 'project')
  const body = bodyObject(ctx)
  const name = optionalString(body, 'name')
  if (!name) throw invalidArgument('name', 'required', 'required key not provided')
  const org = optionalString(body, 'organization_id') ?? ctx.store.organizationId
  if (org !== ctx.store.organizationId) throw invalidArgument('organization_id', 'constraint', 'unknown organization')
  const project: Project = {
    id: randomUUID(), name, description: optionalString(body, 'description') ?? '', organizationId: org,
    createdAt: ctx.now, updatedAt: ctx.now,
  }
  ctx.store.projects.set(project.id, project)
  return json(renderProject(project))
}

const updateProject = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'account', 'write', 'project')
  const project = findProject(ctx)
  const body = bodyObject(ctx)
  const name = optionalString(body, 'name')
  const description = optionalString(body, 'description')
  if (name !== undefined) {
    if (name === '') throw invalidArgument('name', 'constraint', 'value must not be empty')
    project.name = name
  }
  if (description !== undefined) project.description = description
  project.updatedAt = ctx.now
  return json(renderProject(project))
}

const deleteProject = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'account', 'write', 'project', undefined, 'delete')
  const project = findProject(ctx)
  const inUse = project.id === ctx.store.organizationId || [...ctx.store.zones.values()].some((z) =>
    [...z.servers.values()].some((s) => s.project === project.id) || [...z.ips.values()].some((ip) => ip.project === project.id))
  if (inUse) {
    throw new ApiError(412, {
      help_message: 'the project still contains resources (or is the default project)',
      message: 'precondition is not respected',
      precondition: 'resource_still_in_use',
      type: 'precondition_failed',
    })
  }
  ctx.store.projects.delete(project.id)
  return noContent()
}

const A = '/account/v3'
export const accountRoutes: Route[] = [
  { method: 'GET', pattern: `${A}/projects`, product: 'account', handler: listProjects },
  { method: 'POST', pattern: `${A}/projects`, product: 'account', handler: createProject },
  { method: 'GET', pattern: `${A}/projects/:id`, product: 'account', handler: getProject },
  { method: 'PATCH', pattern: `${A}/projects/:id`, product: 'account', handler: updateProject },
  { method: 'DELETE', pattern: `${A}/projects/:id`, product: 'account', handler: deleteProject },
]
