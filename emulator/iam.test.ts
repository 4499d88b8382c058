/**
 * IAM reads the API key page needs (groups, permission sets, policies by group, user tags), through the HTTP
 * surface, with the shapes of the recordings and the IAM OpenAPI spec.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  APPLICATION_ID, AUDITORS_GROUP_ID, DEMO_KEYS, OPERATORS_GROUP_ID, ORGANIZATION_ID, PRODUCTION_PROJECT_ID, STAGING_PROJECT_ID,
  USER_ADMIN_ID, USER_READONLY_ID,
} from './seed.ts'
import { createEmulator, type Emulator } from './server.ts'

const ADMIN = DEMO_KEYS[0]!.secretKey
const READONLY = DEMO_KEYS[1]!.secretKey
const APP = DEMO_KEYS[3]!.secretKey
const I = '/iam/v1alpha1'

type Json = Record<string, unknown>
let emulator: Emulator
let base: string

const get = async (path: string, token = ADMIN): Promise<{ status: number; body: Json }> => {
  const res = await fetch(`${base}${path}`, { headers: { 'X-Auth-Token': token } })
  return { status: res.status, body: (await res.json()) as Json }
}
const post = async (path: string, body: unknown, token = ADMIN): Promise<{ status: number; body: Json }> => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as Json }
}

beforeAll(async () => {
  emulator = createEmulator({ now: () => Date.UTC(2026, 5, 1) })
  base = await emulator.listen(0)
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

const recorded = (file: string): Json =>
  JSON.parse(readFileSync(new URL(`../../shared/scaleway-recordings/${file}`, import.meta.url), 'utf8')) as Json

describe('groups', () => {
  it('answers a group with the recorded keys, in the recorded order', async () => {
    const conversation = recorded('sequences/iam--group-basic.json') as { interactions: { method: string; path: string; body: Json }[] }
    const read = conversation.interactions.find((i) => i.method === 'GET' && i.path.startsWith(`${I}/groups/`))!
    const r = await get(`${I}/groups/${OPERATORS_GROUP_ID}`)
    expect(r.status).toBe(200)
    expect(Object.keys(r.body)).toEqual(Object.keys(read.body))
    expect(r.body).toMatchObject({ name: 'Operators', user_ids: [USER_ADMIN_ID], application_ids: [], tags: ['ops'], organization_id: ORGANIZATION_ID })
  })

  it('lists the groups a user belongs to, and 404s an unknown group like IAM', async () => {
    const r = await get(`${I}/groups?user_ids=${USER_READONLY_ID}`)
    expect(r.body).toMatchObject({ total_count: 1, groups: [{ id: AUDITORS_GROUP_ID, name: 'Auditors' }] })
    expect((await get(`${I}/groups?application_ids=${APPLICATION_ID}`)).body).toEqual({ groups: [], total_count: 0 })
    expect((await get(`${I}/groups?tag=aud`)).body.total_count).toBe(1)
    const missing = await get(`${I}/groups/00000000-0000-4000-8000-000000000000`)
    expect(missing).toEqual({ status: 404, body: { message: 'resource is not found', resource: 'group', resource_id: '00000000-0000-4000-8000-000000000000', type: 'not_found' } })
  })

  it('is IAM: denied to the application key, naming the group resource', async () => {
    const r = await get(`${I}/groups?user_ids=${USER_ADMIN_ID}`, APP)
    expect(r).toEqual({ status: 403, body: { details: [{ action: 'read', resource: 'group' }], message: 'insufficient permissions', type: 'permissions_denied' } })
  })
})

describe('policies of groups', () => {
  it('filters by group_ids and tag, and names the group as principal', async () => {
    const r = await get(`${I}/policies?group_ids=${OPERATORS_GROUP_ID}`)
    expect(r.body.total_count).toBe(1)
    const policy = (r.body.policies as Json[])[0]!
    expect(policy).toMatchObject({ name: 'Operators', group_id: OPERATORS_GROUP_ID, tags: ['ops'], nb_rules: 1, nb_scopes: 2, nb_permission_sets: 2 })
    expect(policy).not.toHaveProperty('user_id')
    const rules = await get(`${I}/rules?policy_id=${policy.id as string}`)
    expect(rules.body).toMatchObject({
      rules: [{ permission_set_names: ['InstancesFullAccess', 'BlockStorageFullAccess'], permission_sets_scope_type: 'projects', project_ids: [PRODUCTION_PROJECT_ID, STAGING_PROJECT_ID] }],
    })
    // user_ids matches policies naming the user, not those of its groups (as IAM filters).
    expect(((await get(`${I}/policies?user_ids=${USER_ADMIN_ID}`)).body.policies as Json[]).map((p) => p.name)).toEqual(['Administrators'])
    expect((await get(`${I}/policies?tag=audit`)).body.total_count).toBe(2)
    expect((await get(`${I}/policies?no_principal=maybe`)).status).toBe(400)
  })

  it('reports an organization-only rule as organization-scoped', async () => {
    const policy = ((await get(`${I}/policies?group_ids=${AUDITORS_GROUP_ID}`)).body.policies as Json[])[0]!
    const rules = await get(`${I}/rules?policy_id=${policy.id as string}`)
    expect(rules.body).toMatchObject({ rules: [{ permission_set_names: ['IAMReadOnly', 'ProjectReadOnly'], permission_sets_scope_type: 'organization', organization_id: ORGANIZATION_ID }] })
  })

  it('grants a group policy to the members: a new policy on Operators lets nothing new through for others', async () => {
    // The application is in no group: giving Auditors IAM read changes nothing for it…
    expect((await get(`${I}/api-keys/${DEMO_KEYS[3]!.accessKey}`, APP)).status).toBe(403)
    // …until a policy names the application, or a group it joins.
    const created = await post(`${I}/policies`, {
      name: 'app reads IAM', application_id: APPLICATION_ID, rules: [{ permission_set_names: ['IAMReadOnly'], organization_id: ORGANIZATION_ID }],
    })
    expect(created.status).toBe(200)
    expect((await get(`${I}/api-keys/${DEMO_KEYS[3]!.accessKey}`, APP)).status).toBe(200)
    const byGroup = await post(`${I}/policies`, { name: 'g', group_id: '00000000-0000-4000-8000-000000000000' })
    expect(byGroup.body).toMatchObject({ type: 'invalid_arguments', details: [{ argument_name: 'group_id', reason: 'constraint' }] })
  })
})

describe('permission sets', () => {
  it('lists the catalogue sorted by name, with the spec fields, and requires organization_id', async () => {
    const r = await get(`${I}/permission-sets?organization_id=${ORGANIZATION_ID}&page_size=100`)
    expect(r.status).toBe(200)
    const sets = r.body.permission_sets as Json[]
    expect(r.body.total_count).toBe(sets.length)
    const names = sets.map((s) => s.name as string)
    expect(names).toEqual([...names].sort())
    expect(names).toEqual(expect.arrayContaining(['AllProductsFullAccess', 'AllProductsReadOnly', 'InstancesFullAccess', 'IAMReadOnly']))
    expect(Object.keys(sets[0]!)).toEqual(['id', 'name', 'scope_type', 'description', 'categories'])
    expect(sets.find((s) => s.name === 'IAMManager')).toMatchObject({ scope_type: 'organization' })
    expect((await get(`${I}/permission-sets`)).body).toMatchObject({ type: 'invalid_arguments', details: [{ argument_name: 'organization_id', reason: 'required' }] })
    expect((await get(`${I}/permission-sets?organization_id=${ORGANIZATION_ID}`, READONLY)).status).toBe(200)
  })

  it('describes every permission set the permission model understands', async () => {
    const { PERMISSION_SETS } = await import('./auth.ts')
    const r = await get(`${I}/permission-sets?organization_id=${ORGANIZATION_ID}&page_size=100`)
    const names = (r.body.permission_sets as Json[]).map((s) => s.name)
    expect(names).toEqual(expect.arrayContaining(Object.keys(PERMISSION_SETS)))
  })
})

describe('users', () => {
  it('carries tags, filters by tag and mfa', async () => {
    expect((await get(`${I}/users/${USER_ADMIN_ID}`)).body).toMatchObject({ tags: ['ops'], type: 'owner' })
    expect(((await get(`${I}/users?tag=audit`)).body.users as Json[]).map((u) => u.id)).toEqual([USER_READONLY_ID])
    expect(((await get(`${I}/users?mfa=true`)).body.users as Json[]).map((u) => u.id)).toEqual([USER_ADMIN_ID])
  })
})
