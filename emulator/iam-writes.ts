/**
 * IAM API v1alpha1 writes (iam.ts serves the reads, policy creation and API keys):
 * - applications: create (200), update (PATCH, 200), delete (204; its API keys go with it);
 * - users: create a member (200), update tags / names (PATCH), delete (204; the owner cannot be deleted);
 * - groups: create (200), update (PATCH), delete (204), memberships (add-member, add-members, remove-member, PUT
 *   members: each answers the group);
 * - policies: update (PATCH: name, description, tags, principal), delete (204, with its rules); PUT /rules replaces a
 *   policy's rules and answers them (`{rules}`, no `total_count`);
 * - SSH keys: list, create (200), get, update (PATCH), delete (204), shaped like the spec's `SSHKey`.
 * As recorded in `sequences/iam--application-basic.json`, `iam--group-basic.json`, `iam--data-source-user-basic.json`,
 * `iam--policy-change-permissions.json` and `error_iam_400_invalid_arguments_ssh_key.json`: creates answer 200,
 * deletes 204, compact JSON; unknown ids 404 `application` / `user` / `group` / `policy` / `ssh_key`.
 *
 * A write answers what the matching read of iam.ts answers next (its GET handler renders the resource), so each
 * resource keeps one shape. Refusals nothing records, modelled: deleting the owner is 412 `precondition_failed` /
 * `protected_resource`; a member or principal that does not exist is 400 invalid_arguments.
 */
import { createHash, randomUUID } from 'node:crypto'
import {
  ApiError, getOr404, invalidArgument, invalidArguments, preconditionFailed, type ArgumentDetail,
} from './errors.ts'
import {
  bodyObject, boolQuery, type Ctx, json, noContent, optionalBool, optionalString, optionalTags, type Reply, requireAccess,
  type Route, uuidQuery,
} from './http.ts'
import { iamRoutes } from './iam.ts'
import { isoDate, isUuid } from './ids.ts'
import { parseGlobalPage, slicePage } from './pagination.ts'
import type { Application, Group, Principal, Rule, SshKey, User } from './store.ts'

const I = '/iam/v1alpha1'

/** What iam.ts answers to GET `pattern` with these path parameters (and query). */
const readBack = (ctx: Ctx, pattern: string, params: Record<string, string>, query = new URLSearchParams()): Reply => {
  const route = iamRoutes.find((r) => r.method === 'GET' && r.pattern === `${I}${pattern}`)
  if (!route) throw new ApiError(500, { type: 'internal_error', message: `no IAM read route for ${pattern}` })
  return route.handler({ ...ctx, method: 'GET', params, query, body: undefined, raw: '' })
}

const requiredName = (body: Record<string, unknown>, details: ArgumentDetail[]): string | undefined => {
  const name = body.name
  if (name === undefined || name === null || name === '') {
    details.push({ argument_name: 'name', reason: 'required', help_message: 'required key not provided' })
    return undefined
  }
  if (typeof name !== 'string' || name.length > 64) {
    details.push({ argument_name: 'name', reason: 'constraint', help_message: 'value must be a string of 1 to 64 characters' })
    return undefined
  }
  return name
}

const checkOrganizationBody = (ctx: Ctx, body: Record<string, unknown>, details: ArgumentDetail[]): void => {
  const org = body.organization_id
  if (org === undefined || org === null) return
  if (typeof org !== 'string' || !isUuid(org)) details.push({ argument_name: 'organization_id', reason: 'format', help_message: 'value must be a valid UUID' })
  else if (org !== ctx.store.organizationId) details.push({ argument_name: 'organization_id', reason: 'constraint', help_message: 'unknown organization' })
}

// ---------------------------------------------------------------------------------------------- applications

const createApplication = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'application')
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const name = requiredName(body, details)
  checkOrganizationBody(ctx, body, details)
  if (details.length > 0) throw invalidArguments(details)
  const app: Application = {
    id: randomUUID(), name: name!, description: optionalString(body, 'description') ?? '',
    organizationId: ctx.store.organizationId, createdAt: ctx.now, updatedAt: ctx.now, tags: optionalTags(body) ?? [],
  }
  ctx.store.applications.set(app.id, app)
  return readBack(ctx, '/applications/:id', { id: app.id })
}

/** What IAM's update calls take alike (applications, groups, policies), as sent: a name (never empty), a description, tags. */
interface Described {
  name: string
  description: string
  tags: string[]
  updatedAt: number
}

/** Reads those fields from an update body; an empty name goes to `details` (Scaleway's 400 names every bad argument). */
const describedUpdate = (body: Record<string, unknown>, details: ArgumentDetail[]): Partial<Omit<Described, 'updatedAt'>> => {
  const name = optionalString(body, 'name')
  if (name === '') details.push({ argument_name: 'name', reason: 'constraint', help_message: 'value must not be empty' })
  return { name, description: optionalString(body, 'description'), tags: optionalTags(body) }
}

/** Writes what was sent (and only that), and the update time. */
const applyDescribed = (target: Described, update: Partial<Omit<Described, 'updatedAt'>>, now: number): void => {
  if (update.name !== undefined) target.name = update.name
  if (update.description !== undefined) target.description = update.description
  if (update.tags !== undefined) target.tags = update.tags
  target.updatedAt = now
}

/** An update of an application or a group: the described fields and nothing else. */
const describedOnlyUpdate = (ctx: Ctx, target: Described): void => {
  const details: ArgumentDetail[] = []
  const update = describedUpdate(bodyObject(ctx), details)
  if (details.length > 0) throw invalidArguments(details)
  applyDescribed(target, update, ctx.now)
}

const findApplication = (ctx: Ctx): Application => getOr404(ctx.store.applications, ctx.params.id ?? '', 'application')

const updateApplication = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'application')
  const app = findApplication(ctx)
  describedOnlyUpdate(ctx, app)
  return readBack(ctx, '/applications/:id', { id: app.id })
}

const deleteApplication = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'application', undefined, 'delete')
  const app = findApplication(ctx)
  for (const key of [...ctx.store.apiKeys.values()]) {
    if (key.bearer.type === 'application' && key.bearer.id === app.id) {
      ctx.store.apiKeys.delete(key.accessKey)
      ctx.store.secrets.delete(key.secretKey)
    }
  }
  for (const group of ctx.store.groups.values()) group.applicationIds = group.applicationIds.filter((id) => id !== app.id)
  ctx.store.applications.delete(app.id)
  return noContent()
}

// ---------------------------------------------------------------------------------------------- users

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const createUser = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'user')
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  checkOrganizationBody(ctx, body, details)
  const member = body.member !== null && typeof body.member === 'object' && !Array.isArray(body.member) ? (body.member as Record<string, unknown>) : {}
  const email = typeof member.email === 'string' ? member.email : body.email
  if (typeof email !== 'string' || !EMAIL.test(email)) {
    details.push({ argument_name: body.member ? 'member.email' : 'email', reason: 'format', help_message: 'value must be an email address' })
  } else if ([...ctx.store.users.values()].some((u) => u.email === email)) {
    details.push({ argument_name: 'email', reason: 'constraint', help_message: 'a user with this email already exists' })
  }
  if (details.length > 0) throw invalidArguments(details)
  const text = (v: unknown): string => (typeof v === 'string' ? v : '')
  const user: User = {
    id: randomUUID(), email: email as string, username: text(member.username) || (email as string),
    firstName: text(member.first_name), lastName: text(member.last_name), type: 'member',
    organizationId: ctx.store.organizationId, createdAt: ctx.now, updatedAt: ctx.now, lastLoginAt: null, mfa: false,
    tags: optionalTags(body) ?? [],
  }
  ctx.store.users.set(user.id, user)
  return readBack(ctx, '/users/:id', { id: user.id })
}

const findUser = (ctx: Ctx): User => getOr404(ctx.store.users, ctx.params.id ?? '', 'user')

const updateUser = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'user')
  const user = findUser(ctx)
  const body = bodyObject(ctx)
  const tags = optionalTags(body)
  const firstName = optionalString(body, 'first_name')
  const lastName = optionalString(body, 'last_name')
  if (tags !== undefined) user.tags = tags
  if (firstName !== undefined) user.firstName = firstName
  if (lastName !== undefined) user.lastName = lastName
  user.updatedAt = ctx.now
  return readBack(ctx, '/users/:id', { id: user.id })
}

const deleteUser = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'user', undefined, 'delete')
  const user = findUser(ctx)
  if (user.type === 'owner') throw preconditionFailed('protected_resource', 'the owner of the organization cannot be deleted')
  for (const key of [...ctx.store.apiKeys.values()]) {
    if (key.bearer.type === 'user' && key.bearer.id === user.id) {
      ctx.store.apiKeys.delete(key.accessKey)
      ctx.store.secrets.delete(key.secretKey)
    }
  }
  for (const group of ctx.store.groups.values()) group.userIds = group.userIds.filter((id) => id !== user.id)
  ctx.store.users.delete(user.id)
  return noContent()
}

// ---------------------------------------------------------------------------------------------- groups

const createGroup = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'group')
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const name = requiredName(body, details)
  checkOrganizationBody(ctx, body, details)
  if (details.length > 0) throw invalidArguments(details)
  const group: Group = {
    id: randomUUID(), name: name!, description: optionalString(body, 'description') ?? '',
    organizationId: ctx.store.organizationId, userIds: [], applicationIds: [], tags: optionalTags(body) ?? [],
    createdAt: ctx.now, updatedAt: ctx.now,
  }
  ctx.store.groups.set(group.id, group)
  return readBack(ctx, '/groups/:id', { id: group.id })
}

const findGroup = (ctx: Ctx): Group => getOr404(ctx.store.groups, ctx.params.id ?? '', 'group')

const updateGroup = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'group')
  const group = findGroup(ctx)
  describedOnlyUpdate(ctx, group)
  return readBack(ctx, '/groups/:id', { id: group.id })
}

const deleteGroup = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'group', undefined, 'delete')
  const group = findGroup(ctx)
  ctx.store.groups.delete(group.id)
  return noContent()
}

/** The users and applications a membership body names (`user_id` / `user_ids`, `application_id` / `application_ids`). */
const members = (ctx: Ctx, body: Record<string, unknown>, many: boolean): { userIds: string[]; applicationIds: string[] } => {
  const details: ArgumentDetail[] = []
  const ids = (one: string, list: string): string[] => {
    if (many) return optionalTags(body, list) ?? []
    const v = optionalString(body, one)
    return v === undefined || v === '' ? [] : [v]
  }
  const userIds = ids('user_id', 'user_ids')
  const applicationIds = ids('application_id', 'application_ids')
  for (const id of userIds) if (!ctx.store.users.has(id)) details.push({ argument_name: many ? 'user_ids' : 'user_id', reason: 'constraint', help_message: `user ${id} not found` })
  for (const id of applicationIds) {
    if (!ctx.store.applications.has(id)) details.push({ argument_name: many ? 'application_ids' : 'application_id', reason: 'constraint', help_message: `application ${id} not found` })
  }
  if (!many && userIds.length + applicationIds.length !== 1) {
    details.push({ argument_name: 'user_id', reason: 'required', help_message: 'one of user_id or application_id is required' })
  }
  if (details.length > 0) throw invalidArguments(details)
  return { userIds, applicationIds }
}

const union = (a: string[], b: string[]): string[] => [...new Set([...a, ...b])]

const membership = (change: (group: Group, m: { userIds: string[]; applicationIds: string[] }) => void, many: boolean) => (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'group')
  const group = findGroup(ctx)
  change(group, members(ctx, bodyObject(ctx), many))
  group.updatedAt = ctx.now
  return readBack(ctx, '/groups/:id', { id: group.id })
}

const addMembers = (group: Group, m: { userIds: string[]; applicationIds: string[] }): void => {
  group.userIds = union(group.userIds, m.userIds)
  group.applicationIds = union(group.applicationIds, m.applicationIds)
}

// ---------------------------------------------------------------------------------------------- policies and rules

const findPolicy = (ctx: Ctx, id: string) => getOr404(ctx.store.policies, id, 'policy')

const updatePolicy = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'policy')
  const policy = findPolicy(ctx, ctx.params.id ?? '')
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const described = describedUpdate(body, details)
  let principal: Principal | undefined
  const userId = optionalString(body, 'user_id')
  const applicationId = optionalString(body, 'application_id')
  const groupId = optionalString(body, 'group_id')
  if (userId !== undefined) {
    if (!ctx.store.users.has(userId)) details.push({ argument_name: 'user_id', reason: 'constraint', help_message: 'user not found' })
    principal = { userId }
  } else if (applicationId !== undefined) {
    if (!ctx.store.applications.has(applicationId)) details.push({ argument_name: 'application_id', reason: 'constraint', help_message: 'application not found' })
    principal = { applicationId }
  } else if (groupId !== undefined) {
    if (!ctx.store.groups.has(groupId)) details.push({ argument_name: 'group_id', reason: 'constraint', help_message: 'group not found' })
    principal = { groupId }
  } else if (optionalBool(body, 'no_principal') === true) principal = null
  if (details.length > 0) throw invalidArguments(details)
  if (!policy.editable) throw preconditionFailed('protected_resource', 'this policy is managed by Scaleway and cannot be edited')
  if (principal !== undefined) policy.principal = principal
  applyDescribed(policy, described, ctx.now)
  return readBack(ctx, '/policies/:id', { id: policy.id })
}

const deletePolicy = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'policy', undefined, 'delete')
  const policy = findPolicy(ctx, ctx.params.id ?? '')
  if (!policy.deletable) throw preconditionFailed('protected_resource', 'this policy is managed by Scaleway and cannot be deleted')
  for (const rule of [...ctx.store.rules.values()]) if (rule.policyId === policy.id) ctx.store.rules.delete(rule.id)
  ctx.store.policies.delete(policy.id)
  return noContent()
}

/** PUT /rules `{policy_id, rules: [{permission_set_names, project_ids | organization_id, condition}]}`. */
const setRules = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'policy')
  const body = bodyObject(ctx)
  const policyId = body.policy_id
  if (typeof policyId !== 'string' || policyId === '') throw invalidArgument('policy_id', 'required', 'required key not provided')
  if (!isUuid(policyId)) throw invalidArgument('policy_id', 'format', 'value must be a valid UUID')
  const policy = findPolicy(ctx, policyId)
  const raw = body.rules ?? []
  if (!Array.isArray(raw)) throw invalidArgument('rules', 'format', 'value must be an array')
  const details: ArgumentDetail[] = []
  const rules: Rule[] = raw.map((r: unknown, i) => {
    const rule = r !== null && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : {}
    const sets = optionalTags(rule, 'permission_set_names') ?? []
    if (sets.length === 0) details.push({ argument_name: `rules.${i}.permission_set_names`, reason: 'required', help_message: 'at least one permission set is required' })
    const projectIds = Array.isArray(rule.project_ids) ? rule.project_ids.filter((p): p is string => typeof p === 'string') : null
    for (const p of projectIds ?? []) {
      if (!ctx.store.projects.has(p)) details.push({ argument_name: `rules.${i}.project_ids`, reason: 'constraint', help_message: `project ${p} does not exist` })
    }
    return { id: randomUUID(), policyId: policy.id, permissionSetNames: sets, projectIds, condition: typeof rule.condition === 'string' ? rule.condition : '' }
  })
  if (details.length > 0) throw invalidArguments(details)
  for (const rule of [...ctx.store.rules.values()]) if (rule.policyId === policy.id) ctx.store.rules.delete(rule.id)
  for (const rule of rules) ctx.store.rules.set(rule.id, rule)
  policy.updatedAt = ctx.now
  const listed = readBack(ctx, '/rules', {}, new URLSearchParams({ policy_id: policy.id, page_size: '100' }))
  return json({ rules: (listed.body as { rules: unknown[] }).rules })
}

// ---------------------------------------------------------------------------------------------- SSH keys

const KEY_TYPES = /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+=*( .*)?$/

/** `256 MD5:5f:3b:… comment (ssh-ed25519)`, the shape Scaleway answers. */
const fingerprint = (publicKey: string): string => {
  const [type = '', blob = '', ...comment] = publicKey.trim().split(/\s+/)
  const md5 = createHash('md5').update(Buffer.from(blob, 'base64')).digest('hex').match(/../g)!.join(':')
  const bits = type === 'ssh-ed25519' ? 256 : type.startsWith('ecdsa') ? Number(type.slice(-3)) : 4096
  return `${bits} MD5:${md5}${comment.length > 0 ? ` ${comment.join(' ')}` : ''} (${type})`
}

const renderSshKey = (k: SshKey): Record<string, unknown> => ({
  id: k.id,
  name: k.name,
  public_key: k.publicKey,
  fingerprint: k.fingerprint,
  created_at: isoDate(k.createdAt),
  updated_at: isoDate(k.updatedAt),
  organization_id: k.organizationId,
  project_id: k.projectId,
  disabled: k.disabled,
})

const SSH_ORDERS = ['created_at_asc', 'created_at_desc', 'updated_at_asc', 'updated_at_desc', 'name_asc', 'name_desc']

const listSshKeys = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'ssh_key')
  const q = ctx.query
  const org = uuidQuery(q, 'organization_id')
  const project = uuidQuery(q, 'project_id')
  const name = q.get('name')?.toLowerCase() || undefined
  const disabled = boolQuery(q, 'disabled')
  const order = q.get('order_by') || 'created_at_asc'
  if (!SSH_ORDERS.includes(order)) throw invalidArgument('order_by', 'constraint', `value must be one of ${SSH_ORDERS.join(', ')}`)
  const dir = order.endsWith('_desc') ? -1 : 1
  const keys = [...ctx.store.sshKeys.values()]
    .filter((k) => (!org || k.organizationId === org) && (!project || k.projectId === project) &&
      (!name || k.name.toLowerCase().includes(name)) && (disabled === undefined || k.disabled === disabled))
    .sort((a, b) => dir * (order.startsWith('name') ? a.name.localeCompare(b.name)
      : order.startsWith('updated') ? a.updatedAt - b.updatedAt : a.createdAt - b.createdAt))
  return json({ ssh_keys: slicePage(keys, parseGlobalPage(q)).map(renderSshKey), total_count: keys.length })
}

const createSshKey = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'ssh_key')
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const publicKey = body.public_key
  if (typeof publicKey !== 'string' || publicKey === '') details.push({ argument_name: 'public_key', reason: 'required', help_message: 'required key not provided' })
  else if (!KEY_TYPES.test(publicKey.trim())) details.push({ argument_name: 'public_key', reason: 'format', help_message: 'value must be an OpenSSH public key' })
  const project = body.project_id ?? ctx.store.organizationId
  // As recorded (error_iam_400_invalid_arguments_ssh_key.json): `"project_id": ""` is a format error.
  if (typeof project !== 'string' || !isUuid(project)) details.push({ argument_name: 'project_id', reason: 'format', help_message: 'value must be a valid UUID' })
  else if (!ctx.store.projects.has(project)) details.push({ argument_name: 'project_id', reason: 'constraint', help_message: `project ${project} does not exist` })
  if (details.length > 0) throw invalidArguments(details)
  const key = (publicKey as string).trim()
  if ([...ctx.store.sshKeys.values()].some((k) => k.publicKey === key && k.projectId === project)) {
    throw new ApiError(409, { type: 'already_exists', message: 'resource already exists', resource: 'ssh_key', resource_id: '', help_message: 'this public key is already registered in the project' })
  }
  const sshKey: SshKey = {
    id: randomUUID(), name: optionalString(body, 'name') || `key-${randomUUID().slice(0, 8)}`, publicKey: key,
    fingerprint: fingerprint(key), projectId: project as string, organizationId: ctx.store.organizationId, disabled: false,
    createdAt: ctx.now, updatedAt: ctx.now,
  }
  ctx.store.sshKeys.set(sshKey.id, sshKey)
  return json(renderSshKey(sshKey))
}

const findSshKey = (ctx: Ctx): SshKey => getOr404(ctx.store.sshKeys, ctx.params.id ?? '', 'ssh_key')

const getSshKey = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'read', 'ssh_key')
  return json(renderSshKey(findSshKey(ctx)))
}

const updateSshKey = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'ssh_key')
  const key = findSshKey(ctx)
  const body = bodyObject(ctx)
  const name = optionalString(body, 'name')
  const disabled = optionalBool(body, 'disabled')
  if (name !== undefined && name !== '') key.name = name
  if (disabled !== undefined) key.disabled = disabled
  key.updatedAt = ctx.now
  return json(renderSshKey(key))
}

const deleteSshKey = (ctx: Ctx): Reply => {
  requireAccess(ctx, 'iam', 'write', 'ssh_key', undefined, 'delete')
  ctx.store.sshKeys.delete(findSshKey(ctx).id)
  return noContent()
}

const route = (method: string, pattern: string, resource: string, handler: Route['handler']): Route =>
  ({ method, pattern: `${I}${pattern}`, product: 'iam', resource, handler })
export const iamWriteRoutes: Route[] = [
  route('POST', '/applications', 'application', createApplication),
  route('PATCH', '/applications/:id', 'application', updateApplication),
  route('DELETE', '/applications/:id', 'application', deleteApplication),
  route('POST', '/users', 'user', createUser),
  route('PATCH', '/users/:id', 'user', updateUser),
  route('DELETE', '/users/:id', 'user', deleteUser),
  route('POST', '/groups', 'group', createGroup),
  route('PATCH', '/groups/:id', 'group', updateGroup),
  route('DELETE', '/groups/:id', 'group', deleteGroup),
  route('POST', '/groups/:id/add-member', 'group', membership(addMembers, false)),
  route('POST', '/groups/:id/add-members', 'group', membership(addMembers, true)),
  route('POST', '/groups/:id/remove-member', 'group', membership((group, m) => {
    group.userIds = group.userIds.filter((id) => !m.userIds.includes(id))
    group.applicationIds = group.applicationIds.filter((id) => !m.applicationIds.includes(id))
  }, false)),
  route('PUT', '/groups/:id/members', 'group', membership((group, m) => {
    group.userIds = m.userIds
    group.applicationIds = m.applicationIds
  }, true)),
  route('PATCH', '/policies/:id', 'policy', updatePolicy),
  route('DELETE', '/policies/:id', 'policy', deletePolicy),
  route('PUT', '/rules', 'policy', setRules),
  route('GET', '/ssh-keys', 'ssh_key', listSshKeys),
  route('POST', '/ssh-keys', 'ssh_key', createSshKey),
  route('GET', '/ssh-keys/:id', 'ssh_key', getSshKey),
  route('PATCH', '/ssh-keys/:id', 'ssh_key', updateSshKey),
  route('DELETE', '/ssh-keys/:id', 'ssh_key', deleteSshKey),
]
