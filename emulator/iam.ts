/**
 * IAM API v1alpha1 (global): API keys, users, applications, groups (read), policies, rules, permission sets.
 * Lists use `page` / `page_size` (1..100, default 20) and carry `total_count` in the body.
 * `secret_key` is only returned by POST /api-keys; every read answers `secret_key: null`.
 * A policy's principal is a user, an application, a group (`group_id`: it applies to the group's members) or none.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { invalidArgument, invalidArguments, getOr404, type ArgumentDetail } from './errors.ts'
import {
  bodyObject, boolQuery, type Ctx, json, noContent, optionalString, optionalTags, queryList, type Reply, requireAccess, type Route,
} from './http.ts'
import { isoDate, isUuid } from './ids.ts'
import { parseGlobalPage, slicePage } from './pagination.ts'
import { PERMISSION_SET_CATALOGUE, renderPermissionSet, ruleScopeType } from './permission-sets.ts'
import type { ApiKey, Application, Group, Policy, Principal, Rule, User } from './store.ts'

const renderApiKey = (k: ApiKey, secret: string | null = null): Record<string, unknown> => ({
  access_key: k.accessKey,
  secret_key: secret,
  description: k.description,
  created_at: isoDate(k.createdAt),
  updated_at: isoDate(k.updatedAt),
  expires_at: k.expiresAt === null ? null : isoDate(k.expiresAt),
  default_project_id: k.defaultProjectId,
  editable: k.editable,
  deletable: k.deletable,
  managed: k.managed,
  creation_ip: k.creationIp,
  ...(k.bearer.type === 'user' ? { user_id: k.bearer.id } : { application_id: k.bearer.id }),
})

const renderUser = (u: User): Record<string, unknown> => ({
  id: u.id,
  email: u.email,
  username: u.username,
  first_name: u.firstName,
  last_name: u.lastName,
  phone_number: '',
  locale: 'en_US',
  created_at: isoDate(u.createdAt),
  updated_at: isoDate(u.updatedAt),
  organization_id: u.organizationId,
  deletable: u.type !== 'owner',
  last_login_at: u.lastLoginAt === null ? null : isoDate(u.lastLoginAt),
  type: u.type,
  two_factor_enabled: u.mfa,
  status: 'activated',
  mfa: u.mfa,
  account_root_user_id: '',
  tags: u.tags,
  locked: false,
})

const renderApplication = (ctx: Ctx, a: Application): Record<string, unknown> => ({
  id: a.id,
  name: a.name,
  description: a.description,
  created_at: isoDate(a.createdAt),
  updated_at: isoDate(a.updatedAt),
  organization_id: a.organizationId,
  editable: true,
  deletable: true,
  managed: false,
  nb_api_keys: [...ctx.store.apiKeys.values()].filter((k) => k.bearer.type === 'application' && k.bearer.id === a.id).length,
  tags: a.tags,
})

/** As recorded in `sequences/iam--group-basic.json` (same keys, same order). */
const renderGroup = (g: Group): Record<string, unknown> => ({
  id: g.id,
  created_at: isoDate(g.createdAt),
  updated_at: isoDate(g.updatedAt),
  organization_id: g.organizationId,
  name: g.name,
  description: g.description,
  user_ids: g.userIds,
  application_ids: g.applicationIds,
  tags: g.tags,
  editable: true,
  deletable: true,
  managed: false,
})

const rulesOf = (ctx: Ctx, policyId: string): Rule[] => [...ctx.store.rules.values()].filter((r) => r.policyId === policyId)

const renderPolicy = (ctx: Ctx, p: Policy): Record<string, unknown> => {
  const rules = rulesOf(ctx, p.id)
  const scopes = new Set(rules.flatMap((r) => r.projectIds ?? [p.organizationId]))
  const out: Record<string, unknown> = {
    id: p.id,
    name: p.name,
    description: p.description,
    organization_id: p.organizationId,
    created_at: isoDate(p.createdAt),
    updated_at: isoDate(p.updatedAt),
    editable: p.editable,
    deletable: p.deletable,
    managed: p.managed,
    nb_rules: rules.length,
    nb_scopes: scopes.size,
    nb_permission_sets: new Set(rules.flatMap((r) => r.permissionSetNames)).size,
    tags: p.tags,
    no_principal: p.principal === null,
  }
  if (p.principal && 'userId' in p.principal) out.user_id = p.principal.userId
  if (p.principal && 'groupId' in p.principal) out.group_id = p.principal.groupId
  if (p.principal && 'applicationId' in p.principal) out.application_id = p.principal.applicationId
  return out
}

const renderRule = (ctx: Ctx, r: Rule): Record<string, unknown> => ({
  id: r.id,
  permission_set_names: r.permissionSetNames,
  permission_sets_scope_type: ruleScopeType(r.permissionSetNames),
  condition: r.condition,
  ...(r.projectIds === null ? { organization_id: ctx.store.organizationId } : { project_ids: r.projectIds }),
})

const checkOrganization = (ctx: Ctx): string | undefined => {
  const org = ctx.query.get('organization_id') || undefined
  if (org !== undefined && !isUuid(org)) throw invalidArgument('organization_id', 'format', 'value must be a valid UUID')
  return org
}

/** The spec's `tag` filter: tags containing the given string. */
const tagFilter = (ctx: Ctx): ((tags: readonly string[]) => boolean) => {
  const tag = ctx.query.get('tag') || undefined
  return (tags) => tag === undefined || tags.some((t) => t.includes(tag))
}

const ORDERS = ['created_at_asc', 'created_at_desc', 'updated_at_asc', 'updated_at_desc', 'name_asc', 'name_desc',
  'expires_at_asc', 'expires_at_desc', 'access_key_asc', 'access_key_desc', 'email_asc', 'email_desc', 'last_login_asc',
  'last_login_desc', 'username_asc', 'username_desc', 'policy_name_asc', 'policy_name_desc']

/** Sort by `order_by` (created_at_asc by default), then return one page with `total_count`. */
const paged = <T>(
  ctx: Ctx, key: string, items: T[], sortKey: (item: T, field: string) => string | number, render: (item: T) => unknown,
  defaultOrder = 'created_at_asc',
): Reply => {
  const page = parseGlobalPage(ctx.query)
  const order = ctx.query.get('order_by') || defaultOrder
  if (!ORDERS.includes(order)) throw invalidArgument('order_by', 'constraint', 'unknown order')
  const field = order.replace(/_(asc|desc)$/, '')
  const dir = order.endsWith('_desc') ? -1 : 1
  const sorted = [...items].sort((a, b) => {
    const x = sortKey(a, field)
    const y = sortKey(b, field)
    return x < y ? -dir : x > y ? dir : 0
  })
  return json({ [key]: slicePage(sorted, page).map(render), total_count: items.length })
}

// ---------------------------------------------------------------------------------------------- api keys

const listApiKeys = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'api_key')
  const q = ctx.query
  const org = checkOrganization(ctx)
  const bearerType = q.get('bearer_type') || 'unknown_bearer_type'
  const bearerId = q.get('bearer_id') || q.get('user_id') || q.get('application_id') || undefined
  const access = [q.get('access_key') ?? '', ...queryList(q, 'access_keys')].filter((v) => v !== '')
  const description = q.get('description')?.toLowerCase() || undefined
  const expired = q.get('expired')
  const now = ctx.now
  const keys = [...ctx.store.apiKeys.values()].filter((k) => {
    if (org && org !== ctx.store.organizationId) return false
    if (bearerType !== 'unknown_bearer_type' && k.bearer.type !== bearerType) return false
    if (q.get('user_id') && k.bearer.type !== 'user') return false
    if (q.get('application_id') && k.bearer.type !== 'application') return false
    if (bearerId && k.bearer.id !== bearerId) return false
    if (access.length > 0 && !access.includes(k.accessKey)) return false
    if (description && !k.description.toLowerCase().includes(description)) return false
    if (expired === 'true' && !(k.expiresAt !== null && k.expiresAt <= now)) return false
    if (expired === 'false' && k.expiresAt !== null && k.expiresAt <= now) return false
    return true
  })
  return paged(ctx, 'api_keys', keys, (k, f) => f === 'access_key' ? k.accessKey : f === 'updated_at' ? k.updatedAt
    : f === 'expires_at' ? k.expiresAt ?? Number.MAX_SAFE_INTEGER : k.createdAt, (k) => renderApiKey(k))
}

const findApiKey = (ctx: Ctx): ApiKey => {
  const ak = ctx.params.accessKey ?? ''
  const key = getOr404(ctx.store.apiKeys, ak, 'access_key')
  return key
}

const getApiKey = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'api_key')
  return json(renderApiKey(findApiKey(ctx)))
}

const newAccessKey = (): string => {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'
  const bytes = randomBytes(17)
  return `SCW${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`
}

const createApiKey = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'api_key')
  const body = bodyObject(ctx)
  const userId = optionalString(body, 'user_id')
  const applicationId = optionalString(body, 'application_id')
  const details: ArgumentDetail[] = []
  if (userId === undefined && applicationId === undefined) {
    details.push({ argument_name: 'application_id', reason: 'required', help_message: 'one of application_id or user_id is required' })
  }
  if (userId !== undefined && !ctx.store.users.has(userId)) details.push({ argument_name: 'user_id', reason: 'constraint', help_message: 'user not found' })
  if (applicationId !== undefined && !ctx.store.applications.has(applicationId)) {
    details.push({ argument_name: 'application_id', reason: 'constraint', help_message: 'application not found' })
  }
  const expires = optionalString(body, 'expires_at')
  const expiresAt = expires === undefined ? null : Date.parse(expires)
  if (expiresAt !== null && Number.isNaN(expiresAt)) details.push({ argument_name: 'expires_at', reason: 'format', help_message: 'value must be a date' })
  const defaultProject = optionalString(body, 'default_project_id') ?? ctx.store.organizationId
  if (!ctx.store.projects.has(defaultProject)) details.push({ argument_name: 'default_project_id', reason: 'constraint', help_message: 'project not found' })
  if (details.length > 0) throw invalidArguments(details)
  const key: ApiKey = {
    accessKey: newAccessKey(),
    secretKey: randomUUID(),
    description: optionalString(body, 'description') ?? '',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    expiresAt,
    defaultProjectId: defaultProject,
    bearer: applicationId !== undefined ? { type: 'application', id: applicationId } : { type: 'user', id: userId! },
    creationIp: '127.0.0.1',
    editable: true,
    deletable: true,
    managed: false,
  }
  ctx.store.apiKeys.set(key.accessKey, key)
  ctx.store.secrets.set(key.secretKey, key.accessKey)
  return json(renderApiKey(key, key.secretKey))
}

const deleteApiKey = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'api_key', undefined, 'delete')
  const key = findApiKey(ctx)
  ctx.store.apiKeys.delete(key.accessKey)
  ctx.store.secrets.delete(key.secretKey)
  return noContent()
}

// ---------------------------------------------------------------------------------------------- users, applications

const listUsers = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'user')
  const org = checkOrganization(ctx)
  const ids = queryList(ctx.query, 'user_ids')
  const type = ctx.query.get('type') || 'unknown_type'
  const mfa = boolQuery(ctx.query, 'mfa')
  const tagged = tagFilter(ctx)
  const users = [...ctx.store.users.values()].filter((u) =>
    (!org || org === u.organizationId) && (ids.length === 0 || ids.includes(u.id)) && (type === 'unknown_type' || u.type === type) &&
    (mfa === undefined || u.mfa === mfa) && tagged(u.tags))
  return paged(ctx, 'users', users, (u, f) => f === 'email' ? u.email : f === 'username' ? u.username
    : f === 'updated_at' ? u.updatedAt : f === 'last_login' ? u.lastLoginAt ?? 0 : u.createdAt, renderUser)
}

const getUser = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'user')
  const id = ctx.params.id ?? ''
  const user = getOr404(ctx.store.users, id, 'user')
  return json(renderUser(user))
}

const listApplications = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'application')
  const org = checkOrganization(ctx)
  const name = ctx.query.get('name')?.toLowerCase() || undefined
  const ids = queryList(ctx.query, 'application_ids')
  const apps = [...ctx.store.applications.values()].filter((a) =>
    (!org || org === a.organizationId) && (!name || a.name.toLowerCase().includes(name)) && (ids.length === 0 || ids.includes(a.id)))
  return paged(ctx, 'applications', apps, (a, f) => f === 'name' ? a.name : f === 'updated_at' ? a.updatedAt : a.createdAt,
    (a) => renderApplication(ctx, a))
}

const getApplication = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'application')
  const id = ctx.params.id ?? ''
  const app = getOr404(ctx.store.applications, id, 'application')
  return json(renderApplication(ctx, app))
}

// ---------------------------------------------------------------------------------------------- groups (read)

const listGroups = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'group')
  const q = ctx.query
  const org = checkOrganization(ctx)
  const name = q.get('name')?.toLowerCase() || undefined
  const userIds = queryList(q, 'user_ids')
  const appIds = queryList(q, 'application_ids')
  const groupIds = queryList(q, 'group_ids')
  const tagged = tagFilter(ctx)
  const groups = [...ctx.store.groups.values()].filter((g) =>
    (!org || org === g.organizationId) && (!name || g.name.toLowerCase().includes(name)) &&
    (userIds.length === 0 || g.userIds.some((id) => userIds.includes(id))) &&
    (appIds.length === 0 || g.applicationIds.some((id) => appIds.includes(id))) &&
    (groupIds.length === 0 || groupIds.includes(g.id)) && tagged(g.tags))
  return paged(ctx, 'groups', groups, (g, f) => f === 'name' ? g.name : f === 'updated_at' ? g.updatedAt : g.createdAt, renderGroup)
}

const getGroup = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'group')
  return json(renderGroup(getOr404(ctx.store.groups, ctx.params.id ?? '', 'group')))
}

// ---------------------------------------------------------------------------------------------- permission sets

const PERMISSION_SET_ORDERS = ['name_asc', 'name_desc', 'created_at_asc', 'created_at_desc']

/** `organization_id` is required (spec); the catalogue is the same for every organization. */
const listPermissionSets = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'permission_set')
  const org = checkOrganization(ctx)
  if (org === undefined) throw invalidArgument('organization_id', 'required', 'required key not provided')
  const order = ctx.query.get('order_by') || 'name_asc'
  if (!PERMISSION_SET_ORDERS.includes(order)) throw invalidArgument('order_by', 'constraint', `value must be one of ${PERMISSION_SET_ORDERS.join(', ')}`)
  const sets = org === ctx.store.organizationId ? [...PERMISSION_SET_CATALOGUE] : []
  // The catalogue has no creation dates: created_at orders keep catalogue order.
  return paged(ctx, 'permission_sets', sets, (p, f) => f === 'name' ? p.name : 0, renderPermissionSet, 'name_asc')
}

// ---------------------------------------------------------------------------------------------- policies, rules

const principalOf = (p: Principal): { userId?: string; applicationId?: string; groupId?: string } => p ?? {}

const listPolicies = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'policy')
  const q = ctx.query
  const org = checkOrganization(ctx)
  const userIds = queryList(q, 'user_ids')
  const appIds = queryList(q, 'application_ids')
  const groupIds = queryList(q, 'group_ids')
  const policyIds = queryList(q, 'policy_ids')
  const name = q.get('policy_name')?.toLowerCase() || undefined
  const noPrincipal = boolQuery(q, 'no_principal')
  const editable = boolQuery(q, 'editable')
  const tagged = tagFilter(ctx)
  const policies = [...ctx.store.policies.values()].filter((p) => {
    if (org && org !== p.organizationId) return false
    const { userId, applicationId, groupId } = principalOf(p.principal)
    if (userIds.length > 0 && !(userId !== undefined && userIds.includes(userId))) return false
    if (appIds.length > 0 && !(applicationId !== undefined && appIds.includes(applicationId))) return false
    if (groupIds.length > 0 && !(groupId !== undefined && groupIds.includes(groupId))) return false
    if (policyIds.length > 0 && !policyIds.includes(p.id)) return false
    if (name && !p.name.toLowerCase().includes(name)) return false
    if (noPrincipal !== undefined && noPrincipal !== (p.principal === null)) return false
    if (editable !== undefined && editable !== p.editable) return false
    return tagged(p.tags)
  })
  return paged(ctx, 'policies', policies, (p, f) => f === 'policy_name' || f === 'name' ? p.name : p.createdAt, (p) => renderPolicy(ctx, p))
}

const getPolicy = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'policy')
  const id = ctx.params.id ?? ''
  const policy = getOr404(ctx.store.policies, id, 'policy')
  return json(renderPolicy(ctx, policy))
}

const createPolicy = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'policy')
  const body = bodyObject(ctx)
  const name = optionalString(body, 'name')
  const details: ArgumentDetail[] = []
  if (!name) details.push({ argument_name: 'name', reason: 'required', help_message: 'required key not provided' })
  const userId = optionalString(body, 'user_id')
  const applicationId = optionalString(body, 'application_id')
  const groupId = optionalString(body, 'group_id')
  const noPrincipal = body.no_principal === true
  if (!noPrincipal && userId === undefined && applicationId === undefined && groupId === undefined) {
    details.push({ argument_name: 'user_id', reason: 'required', help_message: 'one of user_id, application_id, group_id or no_principal is required' })
  }
  if (groupId !== undefined && !ctx.store.groups.has(groupId)) details.push({ argument_name: 'group_id', reason: 'constraint', help_message: 'group not found' })
  const rawRules = body.rules ?? []
  if (!Array.isArray(rawRules)) details.push({ argument_name: 'rules', reason: 'format', help_message: 'value must be an array' })
  if (details.length > 0) throw invalidArguments(details)
  const id = randomUUID()
  const policy: Policy = {
    id, name: name!, description: optionalString(body, 'description') ?? '', organizationId: ctx.store.organizationId,
    createdAt: ctx.now, updatedAt: ctx.now, editable: true, deletable: true, managed: false,
    tags: optionalTags(body) ?? [],
    principal: noPrincipal ? null : userId !== undefined ? { userId } : groupId !== undefined ? { groupId } : { applicationId: applicationId! },
  }
  const rules: Rule[] = (rawRules as unknown[]).map((raw, i) => {
    const r = (raw ?? {}) as Record<string, unknown>
    const sets = optionalTags(r, `rules.${i}.permission_set_names`) ?? (Array.isArray(r.permission_set_names) ? r.permission_set_names as string[] : [])
    const projectIds = Array.isArray(r.project_ids) ? (r.project_ids as string[]) : null
    return { id: randomUUID(), policyId: id, permissionSetNames: sets, projectIds, condition: typeof r.condition === 'string' ? r.condition : '' }
  })
  ctx.store.policies.set(id, policy)
  for (const rule of rules) ctx.store.rules.set(rule.id, rule)
  // As recorded: the creation answer reports 0 rules / scopes / permission sets (they are attached asynchronously).
  return json({ ...renderPolicy(ctx, policy), nb_rules: 0, nb_scopes: 0, nb_permission_sets: 0 })
}

const listRules = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'policy')
  const policyId = ctx.query.get('policy_id') || undefined
  if (!policyId) throw invalidArgument('policy_id', 'required', 'required key not provided')
  if (!isUuid(policyId)) throw invalidArgument('policy_id', 'format', 'value must be a valid UUID')
  getOr404(ctx.store.policies, policyId, 'policy')
  const page = parseGlobalPage(ctx.query)
  const rules = rulesOf(ctx, policyId)
  return json({ rules: slicePage(rules, page).map((r) => renderRule(ctx, r)), total_count: rules.length })
}

const I = '/iam/v1alpha1'
export const iamRoutes: Route[] = [
  { method: 'GET', pattern: `${I}/api-keys`, product: 'iam', handler: listApiKeys },
  { method: 'POST', pattern: `${I}/api-keys`, product: 'iam', handler: createApiKey },
  { method: 'GET', pattern: `${I}/api-keys/:accessKey`, product: 'iam', handler: getApiKey },
  { method: 'DELETE', pattern: `${I}/api-keys/:accessKey`, product: 'iam', handler: deleteApiKey },
  { method: 'GET', pattern: `${I}/users`, product: 'iam', handler: listUsers },
  { method: 'GET', pattern: `${I}/users/:id`, product: 'iam', handler: getUser },
  { method: 'GET', pattern: `${I}/applications`, product: 'iam', handler: listApplications },
  { method: 'GET', pattern: `${I}/applications/:id`, product: 'iam', handler: getApplication },
  { method: 'GET', pattern: `${I}/groups`, product: 'iam', resource: 'group', handler: listGroups },
  { method: 'GET', pattern: `${I}/groups/:id`, product: 'iam', resource: 'group', handler: getGroup },
  { method: 'GET', pattern: `${I}/permission-sets`, product: 'iam', resource: 'permission_set', handler: listPermissionSets },
  { method: 'GET', pattern: `${I}/policies`, product: 'iam', handler: listPolicies },
  { method: 'POST', pattern: `${I}/policies`, product: 'iam', handler: createPolicy },
  { method: 'GET', pattern: `${I}/policies/:id`, product: 'iam', handler: getPolicy },
  { method: 'GET', pattern: `${I}/rules`, product: 'iam', handler: listRules },
]
