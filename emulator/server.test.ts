import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_KEYS, DEFAULT_PROJECT_ID, ORGANIZATION_ID, PRODUCTION_PROJECT_ID, USER_ADMIN_ID, APPLICATION_ID } from './seed.ts'
import { createEmulator, type Emulator } from './server.ts'

const ADMIN = DEMO_KEYS[0]!.secretKey
const READONLY = DEMO_KEYS[1]!.secretKey
const EXPIRED = DEMO_KEYS[2]!.secretKey
const APP = DEMO_KEYS[3]!.secretKey
const TRANSITION = 1000

let clock = Date.UTC(2026, 5, 1)
let emulator: Emulator
let base: string

type Json = Record<string, unknown>
interface Res { status: number; headers: Headers; body: Json; text: string }

const call = async (method: string, path: string, opts: { token?: string | null; body?: unknown } = {}): Promise<Res> => {
  const headers: Record<string, string> = {}
  const token = opts.token === undefined ? ADMIN : opts.token
  if (token !== null) headers['X-Auth-Token'] = token
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${base}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, body: text === '' ? {} : JSON.parse(text) as Json }
}
const knob = (method: string, path: string, body?: unknown): Promise<Res> => call(method, `/__emulator${path}`, { token: null, body })

const S = '/instance/v1/zones/fr-par-1/servers'
const servers = (r: Res): Json[] => r.body.servers as Json[]

beforeAll(async () => {
  emulator = createEmulator({ transitionMs: TRANSITION, now: () => clock })
  base = await emulator.listen(0)
})
afterAll(() => emulator.close())
beforeEach(() => {
  clock = Date.UTC(2026, 5, 1)
  emulator.reset()
})

const createServer = async (extra: Record<string, unknown> = {}, token = ADMIN): Promise<Res> =>
  call('POST', S, { token, body: { name: 'test-srv', commercial_type: 'DEV1-S', image: 'ubuntu_noble', project: DEFAULT_PROJECT_ID, ...extra } })

describe('auth', () => {
  it('rejects a missing or unknown token with denied_authentication/not_found', async () => {
    for (const token of [null, 'nope']) {
      const r = await call('GET', S, { token })
      expect(r.status).toBe(401)
      expect(r.body).toEqual({ type: 'denied_authentication', message: 'authentication is denied', method: 'api_key', reason: 'not_found' })
    }
  })
  it('rejects an expired key everywhere', async () => {
    for (const path of [S, '/iam/v1alpha1/api-keys', '/account/v3/projects']) {
      const r = await call('GET', path, { token: EXPIRED })
      expect(r.status).toBe(401)
      expect(r.body.reason).toBe('expired')
    }
  })
  it('lets the read-only key read but never write', async () => {
    expect((await call('GET', S, { token: READONLY })).status).toBe(200)
    const id = (servers(await call('GET', S)))[0]!.id as string
    const writes: [string, string, unknown][] = [
      ['POST', S, { name: 'x', commercial_type: 'DEV1-S', image: 'ubuntu_noble', project: DEFAULT_PROJECT_ID }],
      ['PATCH', `${S}/${id}`, { name: 'y' }],
      ['DELETE', `${S}/${id}`, undefined],
      ['POST', `${S}/${id}/action`, { action: 'poweron' }],
      ['PATCH', `${S}/00000000-0000-4000-8000-000000000000`, { name: 'y' }],
      ['POST', '/account/v3/projects', { name: 'p' }],
    ]
    for (const [method, path, body] of writes) {
      const r = await call(method, path, { token: READONLY, body })
      expect(r.status, `${method} ${path}`).toBe(403)
      expect(r.body.type).toBe('permissions_denied')
      expect((r.body.details as Json[])[0]).toHaveProperty('action')
      expect((r.body.details as Json[])[0]).toHaveProperty('resource')
    }
  })
  it('scopes the application key to the default project and denies IAM', async () => {
    const all = servers(await call('GET', `${S}?per_page=100`))
    const mine = servers(await call('GET', `${S}?per_page=100`, { token: APP }))
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.length).toBeLessThan(all.length)
    expect(mine.every((s) => s.project === DEFAULT_PROJECT_ID)).toBe(true)
    const other = all.find((s) => s.project === PRODUCTION_PROJECT_ID)!
    expect((await call('GET', `${S}/${other.id as string}`, { token: APP })).status).toBe(403)
    expect((await createServer({ project: PRODUCTION_PROJECT_ID }, APP)).status).toBe(403)
    expect((await createServer({}, APP)).status).toBe(201)
    const iam = await call('GET', '/iam/v1alpha1/api-keys/SCWDEMOAPP0000000001', { token: APP })
    expect(iam.status).toBe(403)
    expect(iam.body).toEqual({ details: [{ action: 'read', resource: 'api_key' }], message: 'insufficient permissions', type: 'permissions_denied' })
  })
})

describe('servers: list, pagination, filters', () => {
  it('pages with X-Total-Count and Link', async () => {
    const r = await call('GET', `${S}?per_page=5&page=2`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('application/json')
    expect(r.headers.get('x-total-count')).toBe('12')
    expect(servers(r)).toHaveLength(5)
    expect(r.headers.get('link')).toBe(
      '</servers?page=1&per_page=5&>; rel="first",</servers?page=1&per_page=5&>; rel="previous",' +
      '</servers?page=3&per_page=5&>; rel="next",</servers?page=3&per_page=5&>; rel="last"')
    expect(r.body).not.toHaveProperty('total_count')
  })
  it('orders by creation date, desc by default', async () => {
    const desc = servers(await call('GET', S)).map((s) => s.creation_date as string)
    expect(desc).toEqual([...desc].sort().reverse())
    const asc = servers(await call('GET', `${S}?order=creation_date_asc`)).map((s) => s.creation_date as string)
    expect(asc).toEqual([...desc].reverse())
  })
  it('rejects invalid query values with invalid_arguments', async () => {
    for (const q of ['per_page=500', 'page=0', 'page=abc', 'state=exploding', 'project=not-a-uuid', 'order=random']) {
      const r = await call('GET', `${S}?${q}`)
      expect(r.status, q).toBe(400)
      expect(r.body.type).toBe('invalid_arguments')
      const detail = (r.body.details as Json[])[0]!
      expect(Object.keys(detail).sort()).toEqual(['argument_name', 'help_message', 'reason'])
    }
  })
  it('rejects an unknown zone', async () => {
    const r = await call('GET', '/instance/v1/zones/mars-1/servers')
    expect(r.status).toBe(400)
    expect((r.body.details as Json[])[0]!.argument_name).toBe('zone')
  })
  it('filters by name (substring), state, project, tags, commercial_type', async () => {
    const web = servers(await call('GET', `${S}?name=web`))
    expect(web.map((s) => s.name)).toEqual(['web', 'web', 'web'])
    expect(servers(await call('GET', `${S}?name=db`)).map((s) => s.name).sort()).toEqual(['db-primary', 'db-replica'])
    const stopped = servers(await call('GET', `${S}?state=stopped`))
    expect(stopped.length).toBeGreaterThan(0)
    expect(stopped.every((s) => s.state === 'stopped' && (s.allowed_actions as string[]).join() === 'poweron,backup')).toBe(true)
    expect(servers(await call('GET', `${S}?state=stopped%20in%20place`)).every((s) => s.state_detail === 'stopped in place')).toBe(true)
    expect(servers(await call('GET', `${S}?project=${PRODUCTION_PROJECT_ID}`)).every((s) => s.project === PRODUCTION_PROJECT_ID)).toBe(true)
    expect(servers(await call('GET', `${S}?tags=db,postgres`))).toHaveLength(2)
    expect(servers(await call('GET', `${S}?commercial_type=PRO2-S`))).toHaveLength(2)
  })
  it('has empty zones and every state in the seed', async () => {
    const r = await call('GET', '/instance/v1/zones/pl-waw-3/servers')
    expect(r.headers.get('x-total-count')).toBe('0')
    expect(r.headers.get('link')).toBe('</servers?page=1&per_page=50&>; rel="last"')
    const states = new Set<string>()
    for (const zone of ['fr-par-1', 'fr-par-2', 'fr-par-3', 'nl-ams-1', 'nl-ams-2', 'pl-waw-1', 'pl-waw-2', 'it-mil-1']) {
      for (const s of servers(await call('GET', `/instance/v1/zones/${zone}/servers`))) states.add(s.state as string)
    }
    expect([...states].sort()).toEqual(['running', 'starting', 'stopped', 'stopped in place', 'stopping'])
  })
})

describe('servers: create, update, delete', () => {
  it('creates a stopped server (201 + Location) and validates the body', async () => {
    const r = await createServer({ tags: ['a'] })
    expect(r.status).toBe(201)
    const server = r.body.server as Json
    expect(r.headers.get('location')).toBe(`${base}${S}/${server.id as string}`)
    expect(server).toMatchObject({ state: 'stopped', allowed_actions: ['poweron', 'backup'], state_detail: '', tags: ['a'], public_ips: [] })
    const bad = await call('POST', S, { body: { name: 'x', project: DEFAULT_PROJECT_ID } })
    expect(bad.status).toBe(400)
    expect((bad.body.details as Json[]).map((d) => d.argument_name)).toEqual(['commercial_type', 'image', 'volumes'])
    const unknownImage = await createServer({ image: '7a892c1a-bbdc-491f-9974-4008e3708664' })
    expect(unknownImage.status).toBe(404)
    expect(unknownImage.body).toMatchObject({ type: 'not_found', resource: 'instance_image' })
    const unknownType = await createServer({ commercial_type: 'NOPE-1' })
    expect(unknownType.status).toBe(400)
    const archMismatch = await createServer({ commercial_type: 'BASIC2-A2C-4G' }) // x86 image on an arm64 type
    expect(archMismatch.status).toBe(400)
    expect((archMismatch.body.details as Json[])[0]).toMatchObject({ argument_name: 'image', reason: 'constraint' })
  })
  it('updates name and tags, deletes only stopped servers', async () => {
    const id = ((await createServer()).body.server as Json).id as string
    const u = await call('PATCH', `${S}/${id}`, { body: { name: 'renamed', tags: ['x', 'y'] } })
    expect(u.status).toBe(200)
    expect(u.body.server).toMatchObject({ name: 'renamed', tags: ['x', 'y'] })
    await call('POST', `${S}/${id}/action`, { body: { action: 'poweron' } })
    const busy = await call('DELETE', `${S}/${id}`)
    expect(busy.status).toBe(409)
    expect(busy.body).toMatchObject({ type: 'transient_state', resource: 'instance_server', resource_id: id, current_state: 'starting' })
    clock += TRANSITION
    await call('POST', `${S}/${id}/action`, { body: { action: 'poweroff' } })
    clock += TRANSITION
    const d = await call('DELETE', `${S}/${id}`)
    expect(d.status).toBe(204)
    expect(d.text).toBe('')
    const gone = await call('GET', `${S}/${id}`)
    expect(gone.status).toBe(404)
    expect(gone.body).toEqual({ type: 'not_found', message: 'resource is not found', resource: 'instance_server', resource_id: id })
  })
  it('enforces the servers-per-project-per-zone quota', async () => {
    expect((await knob('POST', '/quotas', { servers: 3 })).status).toBe(200)
    // default project already has 5 servers in fr-par-1
    const r = await createServer()
    expect(r.status).toBe(403)
    expect(r.body).toEqual({
      type: 'quotas_exceeded', message: 'quota(s) exceeded for this resource',
      details: [{ current: 5, quota: 3, resource: 'instances', project_id: DEFAULT_PROJECT_ID }],
    })
    emulator.reset()
    for (let i = 0; i < 45; i++) expect((await createServer()).status).toBe(201)
    expect((await createServer()).status).toBe(403) // 5 seeded + 45 = quota 50
  })
})

describe('server actions and the state machine', () => {
  const state = async (id: string): Promise<[string, string, string[]]> => {
    const s = (await call('GET', `${S}/${id}`)).body.server as Json
    return [s.state as string, s.state_detail as string, s.allowed_actions as string[]]
  }
  const act = (id: string, action: string): Promise<Res> => call('POST', `${S}/${id}/action`, { body: { action } })

  it('powers on, reboots, stops in place, powers off, with lazy transitions', async () => {
    const id = ((await createServer()).body.server as Json).id as string
    const r = await act(id, 'poweron')
    expect(r.status).toBe(202)
    expect(r.body.task).toMatchObject({ id: '00000000-0000-0000-0000-000000000000', status: 'pending', href_from: `/servers/${id}/action` })
    expect(r.headers.get('location')).toMatch(/\/instance\/v1\/zones\/fr-par-1\/tasks\/0{8}-/)
    expect(await state(id)).toEqual(['starting', 'allocating node', ['stop_in_place', 'backup']])
    clock += TRANSITION / 2
    expect((await state(id))[1]).toBe('provisioning node')
    clock += TRANSITION / 2
    expect(await state(id)).toEqual(['running', 'booting kernel', ['poweroff', 'terminate', 'reboot', 'stop_in_place', 'backup']])
    await act(id, 'reboot')
    expect(await state(id)).toEqual(['stopping', 'rebooting', ['stop_in_place', 'backup']])
    clock += TRANSITION * 0.6
    expect((await state(id)).slice(0, 2)).toEqual(['starting', 'rebooting'])
    clock += TRANSITION
    expect((await state(id))[0]).toBe('running')
    await act(id, 'stop_in_place')
    expect((await state(id)).slice(0, 2)).toEqual(['stopping', 'stopping in place'])
    clock += TRANSITION
    expect(await state(id)).toEqual(['stopped in place', 'stopped in place', ['poweron', 'poweroff', 'terminate', 'reboot', 'backup']])
    await act(id, 'poweroff')
    expect((await state(id)).slice(0, 2)).toEqual(['stopping', 'stopping'])
    clock += TRANSITION
    expect(await state(id)).toEqual(['stopped', '', ['poweron', 'backup']])
  })
  it('rejects an unknown action and lists the allowed ones', async () => {
    const id = ((await createServer()).body.server as Json).id as string
    const r = await act(id, 'explode')
    expect(r.status).toBe(400)
    expect((r.body.details as Json[])[0]).toMatchObject({ argument_name: 'action', reason: 'constraint' })
    expect((await call('GET', `${S}/${id}/action`)).body).toEqual({ actions: ['poweron', 'backup'] })
  })
  it('terminates a running server and detaches its flexible IPs', async () => {
    const web = servers(await call('GET', `${S}?name=web&state=running`)).find((s) => (s.public_ips as Json[]).length > 0)!
    const ipIds = (web.public_ips as Json[]).map((ip) => ip.id as string)
    await act(web.id as string, 'terminate')
    expect((await state(web.id as string)).slice(0, 2)).toEqual(['stopping', 'terminating'])
    expect((await knob('POST', '/time', { advanceMs: TRANSITION })).status).toBe(200)
    expect((await call('GET', `${S}/${web.id as string}`)).status).toBe(404)
    for (const ipId of ipIds) {
      const ip = (await call('GET', `/instance/v1/zones/fr-par-1/ips/${ipId}`)).body.ip as Json
      expect(ip).toMatchObject({ state: 'detached', server: null })
    }
  })
  it('backs up into a private image', async () => {
    const id = ((await createServer()).body.server as Json).id as string
    const r = await call('POST', `${S}/${id}/action`, { body: { action: 'backup', name: 'my-backup' } })
    expect(r.status).toBe(202)
    const task = r.body.task as Json
    expect(task.description).toBe('instance_backup')
    const image = await call('GET', `/instance/v1/zones/fr-par-1${task.href_result as string}`)
    expect(image.body.image).toMatchObject({ name: 'my-backup', public: false })
  })
})

describe('flexible IPs', () => {
  const I = '/instance/v1/zones/fr-par-1/ips'
  it('creates, attaches by address, reverses, detaches, deletes', async () => {
    const c = await call('POST', I, { body: { project: DEFAULT_PROJECT_ID, tags: ['t'] } })
    expect(c.status).toBe(201)
    const ip = c.body.ip as Json
    expect(ip).toMatchObject({ type: 'routed_ipv4', state: 'detached', server: null, tags: ['t'] })
    expect(c.headers.get('location')).toBe(`${base}${I}/${ip.id as string}`)
    const srv = (await createServer()).body.server as Json
    const a = await call('PATCH', `${I}/${ip.address as string}`, { body: { server: srv.id } })
    expect(a.status).toBe(200)
    expect(a.body.ip).toMatchObject({ state: 'attached', server: { id: srv.id, name: 'test-srv' } })
    const s = (await call('GET', `${S}/${srv.id as string}`)).body.server as Json
    expect((s.public_ips as Json[]).map((p) => p.address)).toEqual([ip.address])
    expect((s.public_ip as Json).address).toBe(ip.address)
    const bad = await call('PATCH', `${I}/${ip.id as string}`, { body: { reverse: 'not a name' } })
    expect(bad.status).toBe(400)
    expect((bad.body.details as Json[])[0]).toMatchObject({ argument_name: 'reverse', reason: 'constraint' })
    const name = `${(ip.address as string).replace(/\./g, '-')}.example.com`
    expect(((await call('PATCH', `${I}/${ip.id as string}`, { body: { reverse: name } })).body.ip as Json).reverse).toBe(name)
    const d = await call('PATCH', `${I}/${ip.id as string}`, { body: { server: null } })
    expect(d.body.ip).toMatchObject({ state: 'detached', server: null })
    expect(((await call('GET', `${S}/${srv.id as string}`)).body.server as Json).public_ips).toEqual([])
    expect((await call('DELETE', `${I}/${ip.id as string}`)).status).toBe(204)
    const gone = await call('GET', `${I}/${ip.address as string}`)
    expect(gone.status).toBe(404)
    expect(gone.body).toMatchObject({ resource: 'instance_ip', resource_id: `${ip.address as string}/32` })
  })
  it('lists and filters IPs with X-Total-Count', async () => {
    const r = await call('GET', I)
    expect(Number(r.headers.get('x-total-count'))).toBe((r.body.ips as Json[]).length)
    const all = r.body.ips as Json[]
    expect(all.filter((ip) => ip.state === 'detached').map((ip) => ip.tags)).toEqual([['spare'], ['failover']])
    // The spec has no `attached` parameter: it is ignored like any unknown parameter (clients filter on `state`).
    expect((await call('GET', `${I}?attached=false`)).body.ips).toEqual(all)
    expect((await call('GET', `${I}?attached=true`)).headers.get('x-total-count')).toBe(String(all.length))
    expect(((await call('GET', `${I}?type=routed_ipv6`)).body.ips as Json[]).every((ip) => ip.type === 'routed_ipv6')).toBe(true)
    expect((await call('GET', `${I}?tags=spare`)).headers.get('x-total-count')).toBe('1')
  })
})

describe('catalog', () => {
  it('lists server types, availability and images', async () => {
    const t = await call('GET', '/instance/v1/zones/fr-par-1/products/servers')
    expect(Object.keys(t.body.servers as Json)).toHaveLength(50)
    expect(Number(t.headers.get('x-total-count'))).toBeGreaterThan(50)
    const all = await call('GET', '/instance/v1/zones/fr-par-1/products/servers?per_page=100')
    const page2 = await call('GET', '/instance/v1/zones/fr-par-1/products/servers?per_page=100&page=2')
    const types = { ...(all.body.servers as Json), ...(page2.body.servers as Json) }
    for (const name of ['DEV1-S', 'GP1-XS', 'PLAY2-PICO', 'PRO2-XXS', 'POP2-2C-8G', 'BASIC2-A2C-4G']) {
      expect(types[name], name).toMatchObject({ ncpus: expect.any(Number), hourly_price: expect.any(Number) })
    }
    expect((await call('GET', '/instance/v1/zones/fr-par-1/products/servers/availability')).status).toBe(200)
    const imgs = (await call('GET', '/instance/v1/zones/fr-par-1/images?public=true&arch=arm64')).body.images as Json[]
    expect(imgs.length).toBeGreaterThan(0)
    expect(imgs.every((i) => i.arch === 'arm64' && i.public === true)).toBe(true)
  })
})

describe('IAM and Account', () => {
  it('gets and lists api keys with total_count, never secrets', async () => {
    const k = await call('GET', '/iam/v1alpha1/api-keys/SCWDEMOADMIN00000001')
    expect(k.status).toBe(200)
    expect(k.body).toMatchObject({ access_key: 'SCWDEMOADMIN00000001', secret_key: null, user_id: USER_ADMIN_ID })
    const list = await call('GET', `/iam/v1alpha1/api-keys?organization_id=${ORGANIZATION_ID}&page_size=2`)
    expect(list.body.total_count).toBe(4)
    expect(list.body.api_keys).toHaveLength(2)
    expect(list.headers.get('x-total-count')).toBeNull()
    expect(list.text).not.toContain(ADMIN)
    const app = await call('GET', `/iam/v1alpha1/api-keys?bearer_id=${APPLICATION_ID}`)
    expect(app.body.total_count).toBe(1)
    expect((await call('GET', '/iam/v1alpha1/api-keys?page_size=101')).status).toBe(400)
    const missing = await call('GET', '/iam/v1alpha1/api-keys/SCWNOPENOPENOPENOPE1')
    expect(missing.body).toEqual({ message: 'resource is not found', resource: 'access_key', resource_id: 'SCWNOPENOPENOPENOPE1', type: 'not_found' })
  })
  it('lists policies and rules of a principal', async () => {
    const p = await call('GET', `/iam/v1alpha1/policies?application_ids=${APPLICATION_ID}`)
    expect(p.body.total_count).toBe(1)
    const policy = (p.body.policies as Json[])[0]!
    const rules = await call('GET', `/iam/v1alpha1/rules?policy_id=${policy.id as string}`)
    expect(rules.body).toMatchObject({ total_count: 1, rules: [{ permission_set_names: ['InstancesFullAccess'], project_ids: [DEFAULT_PROJECT_ID] }] })
    const admin = await call('GET', `/iam/v1alpha1/policies?user_ids=${USER_ADMIN_ID}`)
    const adminRules = await call('GET', `/iam/v1alpha1/rules?policy_id=${(admin.body.policies as Json[])[0]!.id as string}`)
    expect((adminRules.body.rules as Json[])[0]).toMatchObject({ permission_set_names: ['AllProductsFullAccess'], organization_id: ORGANIZATION_ID })
    expect((await call('GET', `/iam/v1alpha1/users/${USER_ADMIN_ID}`)).body).toMatchObject({ email: 'admin@demo.example' })
    expect((await call('GET', `/iam/v1alpha1/applications/${APPLICATION_ID}`)).body).toMatchObject({ name: 'instances-automation' })
  })
  it('creates an API key whose secret authenticates', async () => {
    const c = await call('POST', '/iam/v1alpha1/api-keys', { body: { application_id: APPLICATION_ID, description: 'new' } })
    expect(c.status).toBe(200)
    const secret = c.body.secret_key as string
    expect(secret).toMatch(/^[0-9a-f-]{36}$/)
    expect((await call('GET', S, { token: secret })).status).toBe(200)
    expect((await call('GET', `/iam/v1alpha1/api-keys/${c.body.access_key as string}`)).body.secret_key).toBeNull()
  })
  it('lists and gets projects', async () => {
    const r = await call('GET', `/account/v3/projects?organization_id=${ORGANIZATION_ID}`)
    expect(r.body.total_count).toBe(3)
    expect((r.body.projects as Json[]).map((p) => p.name)).toEqual(['default', 'production', 'staging'])
    expect(((await call('GET', '/account/v3/projects?order_by=name_desc')).body.projects as Json[])[0]!.name).toBe('staging')
    expect((await call('GET', `/account/v3/projects/${DEFAULT_PROJECT_ID}`)).body.name).toBe('default')
    const missing = await call('GET', '/account/v3/projects/81a6b209-2433-4b6c-8d4d-d31a028ac22f')
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ message: 'resource is not found', resource: 'project_id', resource_id: '81a6b209-2433-4b6c-8d4d-d31a028ac22f', type: 'not_found' })
    expect((await call('GET', '/account/v3/projects', { token: APP })).status).toBe(403)
  })
})

describe('knobs', () => {
  it('injects 429 (empty body, no content type) a limited number of times', async () => {
    await knob('POST', '/faults', { faults: [{ path: S, status: 429, times: 2 }] })
    for (let i = 0; i < 2; i++) {
      const r = await call('GET', S)
      expect(r.status).toBe(429)
      expect(r.text).toBe('')
      expect(r.headers.get('content-type')).toBeNull()
      expect(r.headers.get('x-envoy-ratelimited')).toBe('true')
    }
    expect((await call('GET', S)).status).toBe(200)
  })
  it('injects 503 by method, and clears faults', async () => {
    await knob('POST', '/faults', { faults: [{ path: '/instance/v1/', method: 'POST', status: 503 }] })
    expect((await call('GET', S)).status).toBe(200)
    const r = await createServer()
    expect(r.status).toBe(503)
    expect(r.headers.get('content-type')).toBe('application/json')
    expect(r.body.type).toBeTypeOf('string')
    await knob('DELETE', '/faults')
    expect((await createServer()).status).toBe(201)
    expect((await knob('POST', '/faults', { faults: [{ path: 'x', status: 200 }] })).status).toBe(400)
  })
  it('adds latency', async () => {
    await knob('POST', '/latency', { ms: 120 })
    const t0 = performance.now()
    await call('GET', S)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(100)
  })
  it('logs requests with access keys but never secrets, and resets', async () => {
    await knob('DELETE', '/requests')
    await call('GET', `${S}?per_page=1`)
    await call('GET', S, { token: 'unknown' })
    const log = await knob('GET', '/requests')
    expect(log.body.requests).toEqual([
      { method: 'GET', path: S, query: 'per_page=1', status: 200, accessKey: 'SCWDEMOADMIN00000001' },
      { method: 'GET', path: S, query: '', status: 401, accessKey: null },
    ])
    expect(log.text).not.toContain(ADMIN)
    await createServer()
    await knob('POST', '/latency', { ms: 50 })
    await knob('POST', '/reset')
    expect((await call('GET', S)).headers.get('x-total-count')).toBe('12')
    expect(((await knob('GET', '/requests')).body.requests as Json[])).toHaveLength(1)
    expect((await knob('GET', '/health')).body).toEqual({ ok: true })
  })
  it('answers OPTIONS', async () => {
    const r = await fetch(`${base}${S}`, { method: 'OPTIONS' })
    expect(r.status).toBe(204)
    expect(r.headers.get('allow')).toContain('PATCH')
  })
})

describe('large seed', () => {
  it('seeds 10,000 servers quickly and lists them fast', async () => {
    const t0 = performance.now()
    await knob('POST', '/reset', { seedServers: 10_000 })
    expect(performance.now() - t0).toBeLessThan(1500)
    let total = 0
    for (const zone of ['fr-par-1', 'fr-par-2', 'fr-par-3', 'nl-ams-1', 'nl-ams-2', 'nl-ams-3', 'pl-waw-1', 'pl-waw-2', 'pl-waw-3', 'it-mil-1']) {
      total += Number((await call('GET', `/instance/v1/zones/${zone}/servers?per_page=1`)).headers.get('x-total-count'))
    }
    expect(total).toBe(10_000)
    const t1 = performance.now()
    const r = await call('GET', `${S}?per_page=100&page=5&name=web`)
    expect(r.status).toBe(200)
    expect(performance.now() - t1).toBeLessThan(300)
    expect((await createServer()).status).toBe(201)
  })
})

// ------------------------------------------------------------------------------------------------ held to the real API

const F = '/instance/v1/zones/fr-par-1'
const B = '/block/v1/zones/fr-par-1'
const action = (id: string, a: string): Promise<Res> => call('POST', `${S}/${id}/action`, { body: { action: a } })
const newServer = async (extra: Record<string, unknown> = {}): Promise<Json> => (await createServer(extra)).body.server as Json
const runningServer = async (extra: Record<string, unknown> = {}): Promise<Json> => {
  const server = await newServer(extra)
  expect((await action(server.id as string, 'poweron')).status).toBe(202)
  clock += TRANSITION
  return server
}
const stateOf = async (id: string): Promise<string> => ((await call('GET', `${S}/${id}`)).body.server as Json).state as string

/** A raw HTTP exchange (no URL normalisation by the client). */
const raw = (method: string, path: string, body?: Buffer): Promise<{ status: number; text: string }> =>
  new Promise((resolve, reject) => {
    const url = new URL(base)
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers: { 'X-Auth-Token': ADMIN } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(body)
  })

describe('refusals', () => {
  it('answers 400 invalid_request_error (Instance legacy shape) for an action a stable state does not allow', async () => {
    const stopped = (await newServer()).id as string
    const r = await action(stopped, 'poweroff')
    expect(r.status).toBe(400)
    expect(r.text).toBe('{"type": "invalid_request_error", "message": "server should be running"}')
    for (const a of ['reboot', 'stop_in_place', 'terminate']) {
      expect((await action(stopped, a)).body, a).toEqual({ type: 'invalid_request_error', message: 'server should be running' })
    }
    const running = (await runningServer()).id as string
    const on = await action(running, 'poweron')
    expect(on.status).toBe(400)
    expect(on.body).toEqual({ type: 'invalid_request_error', message: 'server should be stopped' })
    expect(await stateOf(running)).toBe('running')
  })
  it('answers 409 transient_state only while the server moves', async () => {
    const id = (await newServer()).id as string
    await action(id, 'poweron')
    const r = await action(id, 'poweroff')
    expect(r.status).toBe(409)
    expect(r.body).toEqual({
      type: 'transient_state', message: 'resource is in a transient state', resource: 'instance_server', resource_id: id, current_state: 'starting',
    })
    expect((await action(id, 'stop_in_place')).status).toBe(202) // allowed while starting
  })
  it('refuses DELETE of a running or stopped-in-place server with 400 "server should be stopped"', async () => {
    const id = (await runningServer()).id as string
    const r = await call('DELETE', `${S}/${id}`)
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ type: 'invalid_request_error', message: 'server should be stopped' })
    await action(id, 'stop_in_place')
    clock += TRANSITION
    expect(await stateOf(id)).toBe('stopped in place')
    expect((await call('DELETE', `${S}/${id}`)).body).toEqual({ type: 'invalid_request_error', message: 'server should be stopped' })
    await action(id, 'poweroff')
    const moving = await call('DELETE', `${S}/${id}`)
    expect(moving.status).toBe(409)
    expect(moving.body).toMatchObject({ type: 'transient_state', current_state: 'stopping', resource_id: id })
    clock += TRANSITION
    expect((await call('DELETE', `${S}/${id}`)).status).toBe(204)
  })
  it('refuses a commercial type change on a server that is not stopped', async () => {
    const id = (await runningServer()).id as string
    const r = await call('PATCH', `${S}/${id}`, { body: { commercial_type: 'DEV1-M' } })
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ type: 'invalid_request_error', message: 'server should be stopped' })
  })
})

describe('protection', () => {
  it('refuses poweroff, stop_in_place, reboot, terminate and DELETE of a protected server with 412', async () => {
    const id = (await runningServer({ protected: true })).id as string
    expect(((await call('GET', `${S}/${id}`)).body.server as Json).protected).toBe(true)
    for (const a of ['poweroff', 'stop_in_place', 'reboot', 'terminate']) {
      const r = await action(id, a)
      expect(r.status, a).toBe(412)
      expect(Object.keys(r.body)).toEqual(['type', 'message', 'precondition', 'help_message'])
      expect(r.body).toMatchObject({ type: 'precondition_failed', message: 'precondition is not respected', precondition: 'protected_resource' })
      expect(r.body.help_message).toMatch(/protected/)
    }
    expect(await stateOf(id)).toBe('running')
    expect((await action(id, 'backup')).status).toBe(202)
    // Protection is stored by PATCH too, and lifted by it.
    const stopped = (await newServer()).id as string
    expect((await call('PATCH', `${S}/${stopped}`, { body: { protected: true } })).status).toBe(200)
    const del = await call('DELETE', `${S}/${stopped}`)
    expect(del.status).toBe(412)
    expect(del.body).toMatchObject({ type: 'precondition_failed', precondition: 'protected_resource' })
    expect((await action(stopped, 'poweron')).status).toBe(202)
    await call('PATCH', `${S}/${id}`, { body: { protected: false } })
    expect((await action(id, 'poweroff')).status).toBe(202)
  })
})

describe('volumes', () => {
  const V = `${F}/volumes`
  const BV = `${B}/volumes`
  it('puts an sbs image root volume in Block Storage, not in the Instance API', async () => {
    const server = await newServer()
    const slot = (server.volumes as Json)['0'] as Json
    expect(Object.keys(slot)).toEqual(['boot', 'volume_type', 'id', 'state', 'zone'])
    expect(slot).toMatchObject({ boot: false, volume_type: 'sbs_volume', state: 'available', zone: 'fr-par-1' })
    const block = await call('GET', `${BV}/${slot.id as string}`)
    expect(block.status).toBe(200)
    expect(Object.keys(block.body)).toEqual([
      'id', 'name', 'type', 'size', 'project_id', 'created_at', 'updated_at', 'references', 'parent_snapshot_id', 'status',
      'tags', 'specs', 'last_detached_at', 'kms_key_id', 'zone',
    ])
    expect(block.body).toMatchObject({
      id: slot.id, name: 'Ubuntu 24.04 Noble Numbat_sbs_volume_0', type: 'sbs_5k', size: 10_000_000_000, project_id: DEFAULT_PROJECT_ID,
      status: 'in_use', specs: { perf_iops: 5000, class: 'sbs' }, last_detached_at: null, kms_key_id: null, zone: 'fr-par-1',
      references: [{ product_resource_type: 'instance_server', product_resource_id: server.id, type: 'exclusive', status: 'attached' }],
    })
    expect(block.text.startsWith('{"id":')).toBe(true) // compact, like the recordings
    const instance = await call('GET', `${V}/${slot.id as string}`)
    expect(instance.status).toBe(404)
    expect(instance.body).toEqual({ type: 'not_found', message: 'resource is not found', resource: 'instance_volume', resource_id: slot.id })
  })
  it('puts an l_ssd image root volume in the Instance API', async () => {
    const server = await newServer({ commercial_type: 'GP1-XS', image: 'ubuntu_focal' })
    const slot = (server.volumes as Json)['0'] as Json
    expect(slot).toMatchObject({ boot: false, volume_type: 'l_ssd', size: 150_000_000_000, name: 'Ubuntu 20.04 Focal Fossa', server: { id: server.id, name: 'test-srv' } })
    const got = await call('GET', `${V}/${slot.id as string}`)
    expect(got.status).toBe(200)
    expect(Object.keys(got.body.volume as Json)).toEqual([
      'id', 'name', 'volume_type', 'export_uri', 'organization', 'project', 'server', 'size', 'state', 'creation_date',
      'modification_date', 'tags', 'zone',
    ])
    const block = await call('GET', `${BV}/${slot.id as string}`)
    expect(block.status).toBe(404)
    expect(block.text).toBe(`{"message":"resource is not found","resource":"volume","resource_id":"${slot.id as string}","type":"not_found"}`)
  })
  it('keeps volumes and flexible IPs when a server is deleted', async () => {
    const local = await newServer({ commercial_type: 'GP1-XS', image: 'ubuntu_focal' })
    const sbs = await newServer()
    const ip = (await call('POST', `${F}/ips`, { body: { project: DEFAULT_PROJECT_ID, server: sbs.id } })).body.ip as Json
    const localId = ((local.volumes as Json)['0'] as Json).id as string
    const sbsId = ((sbs.volumes as Json)['0'] as Json).id as string
    clock += 5000
    expect((await call('DELETE', `${S}/${local.id as string}`)).status).toBe(204)
    expect((await call('DELETE', `${S}/${sbs.id as string}`)).status).toBe(204)
    expect((await call('GET', `${V}/${localId}`)).body.volume).toMatchObject({ id: localId, server: null, state: 'available' })
    const block = (await call('GET', `${BV}/${sbsId}`)).body
    expect(block).toMatchObject({ status: 'available', references: [], last_detached_at: new Date(clock).toISOString().replace('Z', '000Z') })
    expect((await call('GET', `${F}/ips/${ip.id as string}`)).body.ip).toMatchObject({ state: 'detached', server: null })
  })
  it('terminate deletes local volumes and detaches block volumes', async () => {
    const local = await runningServer({ commercial_type: 'GP1-XS', image: 'ubuntu_focal' })
    const sbs = await runningServer()
    await action(local.id as string, 'terminate')
    await action(sbs.id as string, 'terminate')
    clock += TRANSITION
    expect((await call('GET', `${S}/${local.id as string}`)).status).toBe(404)
    const localId = ((local.volumes as Json)['0'] as Json).id as string
    expect((await call('GET', `${V}/${localId}`)).status).toBe(404)
    const sbsId = ((sbs.volumes as Json)['0'] as Json).id as string
    expect((await call('GET', `${BV}/${sbsId}`)).body).toMatchObject({ status: 'available', references: [] })
    expect((await call('DELETE', `${BV}/${sbsId}`)).status).toBe(204)
    expect((await call('GET', `${BV}/${sbsId}`)).status).toBe(404)
  })
  it('settles transitions before routing any request, Block ones included', async () => {
    const sbs = await runningServer()
    const sbsId = ((sbs.volumes as Json)['0'] as Json).id as string
    await action(sbs.id as string, 'terminate')
    clock += TRANSITION
    // The first request after the transition ends is a Block one: it must already see the volume released.
    expect((await call('GET', `${BV}/${sbsId}`)).body).toMatchObject({ status: 'available', references: [] })
  })
  it('refuses to delete a volume still attached to a server', async () => {
    const local = await newServer({ commercial_type: 'GP1-XS', image: 'ubuntu_focal' })
    const localId = ((local.volumes as Json)['0'] as Json).id as string
    const r = await call('DELETE', `${V}/${localId}`)
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ type: 'invalid_request_error' })
    const sbs = await newServer()
    const sbsId = ((sbs.volumes as Json)['0'] as Json).id as string
    const b = await call('DELETE', `${BV}/${sbsId}`)
    expect(b.status).toBe(412)
    expect(b.body).toMatchObject({ type: 'precondition_failed', message: 'precondition is not respected', precondition: 'resource_still_in_use' })
    expect(Object.keys(b.body)).toEqual(['help_message', 'message', 'precondition', 'type'])
    await call('DELETE', `${S}/${local.id as string}`)
    expect((await call('DELETE', `${V}/${localId}`)).status).toBe(204)
    expect((await call('GET', `${V}/${localId}`)).status).toBe(404)
  })
  it('lists Instance volumes with X-Total-Count and the spec filters', async () => {
    await newServer({ commercial_type: 'GP1-XS', image: 'ubuntu_focal', tags: ['x'] })
    const all = await call('GET', V)
    expect(all.status).toBe(200)
    expect(all.headers.get('x-total-count')).toBe('2') // the seeded legacy-app root volume + this one
    expect(all.body).not.toHaveProperty('total_count')
    const vols = all.body.volumes as Json[]
    expect(vols.every((v) => v.volume_type === 'l_ssd')).toBe(true)
    expect((await call('GET', `${V}?volume_type=l_ssd`)).headers.get('x-total-count')).toBe('2')
    expect((await call('GET', `${V}?volume_type=sbs_volume`)).headers.get('x-total-count')).toBe('0')
    expect((await call('GET', `${V}?volume_type=floppy`)).status).toBe(400)
    expect((await call('GET', `${V}?name=focal`)).headers.get('x-total-count')).toBe('2')
    expect((await call('GET', `${V}?name=nothing`)).headers.get('x-total-count')).toBe('0')
    expect((await call('GET', `${V}?project=${PRODUCTION_PROJECT_ID}`)).headers.get('x-total-count')).toBe('0')
    expect((await call('GET', `${V}?per_page=1&page=2`)).body.volumes).toHaveLength(1)
  })
  it('lists Block volumes with page_size, total_count and the SDK filters', async () => {
    const r = await call('GET', BV)
    expect(r.status).toBe(200)
    expect(r.headers.get('x-total-count')).toBeNull()
    const total = r.body.total_count as number
    expect(total).toBe(13) // 11 sbs roots in fr-par-1, db-primary-data, old-backups
    expect((await call('GET', `${BV}?page_size=5&page=3`)).body.volumes).toHaveLength(3)
    const primary = servers(await call('GET', `${S}?name=db-primary`))[0]!
    const attached = (await call('GET', `${BV}?product_resource_id=${primary.id as string}`)).body.volumes as Json[]
    expect(attached.map((v) => v.name).sort()).toEqual(['Debian Bookworm_sbs_volume_0', 'db-primary-data'])
    expect(attached.find((v) => v.name === 'db-primary-data')).toMatchObject({ type: 'sbs_15k', size: 100_000_000_000, specs: { perf_iops: 15000, class: 'sbs' } })
    const old = (await call('GET', `${BV}?name=old-backups`)).body
    expect(old).toMatchObject({ total_count: 1, volumes: [{ status: 'available', references: [], project_id: DEFAULT_PROJECT_ID }] })
    expect(((old.volumes as Json[])[0]!).last_detached_at).toMatch(/Z$/)
    expect((await call('GET', `${BV}?tags=postgres,nothing`)).body.total_count).toBe(1) // any of the tags
    const production = (await call('GET', `${BV}?project_id=${PRODUCTION_PROJECT_ID}`)).body.volumes as Json[]
    expect(production.length).toBeGreaterThan(0)
    expect(production.every((v) => v.project_id === PRODUCTION_PROJECT_ID)).toBe(true)
    expect((await call('GET', `${BV}?page_size=101`)).status).toBe(400)
    expect((await call('GET', `${BV}?project_id=nope`)).status).toBe(400)
  })
  it('gives every seeded server its volumes in the right store', async () => {
    for (const zone of ['fr-par-1', 'fr-par-2', 'fr-par-3', 'nl-ams-1', 'nl-ams-2', 'pl-waw-1', 'pl-waw-2', 'it-mil-1']) {
      for (const server of servers(await call('GET', `/instance/v1/zones/${zone}/servers`))) {
        const slots = Object.values(server.volumes as Json) as Json[]
        expect(slots.length, `${zone} ${server.name as string}`).toBeGreaterThan(0)
        for (const slot of slots) {
          const api = slot.volume_type === 'l_ssd' ? `/instance/v1/zones/${zone}/volumes` : `/block/v1/zones/${zone}/volumes`
          expect((await call('GET', `${api}/${slot.id as string}`)).status, `${zone} ${server.name as string} ${slot.volume_type as string}`).toBe(200)
        }
      }
    }
    const legacy = servers(await call('GET', `${S}?name=legacy-app`))[0]!
    expect((legacy.volumes as Json)['0']).toMatchObject({ volume_type: 'l_ssd', size: 150_000_000_000 })
  })
  it('applies the permission model to Block (granted with the Instances permission sets)', async () => {
    const production = ((await call('GET', `${BV}?project_id=${PRODUCTION_PROJECT_ID}`)).body.volumes as Json[])[0]!
    expect((await call('GET', `${BV}/${production.id as string}`, { token: READONLY })).status).toBe(200)
    const denied = await call('DELETE', `${BV}/${production.id as string}`, { token: READONLY })
    expect(denied.status).toBe(403)
    expect(denied.body).toEqual({ details: [{ action: 'delete', resource: 'volume' }], message: 'insufficient permissions', type: 'permissions_denied' })
    expect((await call('GET', `${BV}/${production.id as string}`, { token: APP })).status).toBe(403)
    const mine = (await call('GET', BV, { token: APP })).body.volumes as Json[]
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((v) => v.project_id === DEFAULT_PROJECT_ID)).toBe(true)
  })
})

describe('security groups', () => {
  const G = `${F}/security_groups`
  it('lists the seeded default groups with X-Total-Count and the spec filters', async () => {
    const r = await call('GET', G)
    expect(r.status).toBe(200)
    expect(r.headers.get('x-total-count')).toBe('3') // default, production, staging have servers in fr-par-1
    expect(r.headers.get('link')).toBe('</security_groups?page=1&per_page=50&>; rel="last"')
    const groups = r.body.security_groups as Json[]
    expect(Object.keys(groups[0]!)).toEqual([
      'id', 'creation_date', 'modification_date', 'name', 'description', 'organization', 'project', 'servers', 'stateful',
      'inbound_default_policy', 'outbound_default_policy', 'organization_default', 'project_default', 'enable_default_security',
      'state', 'tags', 'zone',
    ])
    for (const g of groups) {
      expect(g).toMatchObject({ name: 'Default security group', project_default: true, stateful: true, state: 'available', zone: 'fr-par-1' })
    }
    expect((await call('GET', `${G}?project=${PRODUCTION_PROJECT_ID}`)).headers.get('x-total-count')).toBe('1')
    expect((await call('GET', `${G}?project_default=false`)).headers.get('x-total-count')).toBe('0')
    expect((await call('GET', `${G}?name=default`)).headers.get('x-total-count')).toBe('3')
    expect((await call('GET', `${G}?name=web`)).headers.get('x-total-count')).toBe('0')
    expect((await call('GET', `${G}?tags=x`)).headers.get('x-total-count')).toBe('0')
    expect((await call('GET', '/instance/v1/zones/nl-ams-3/security_groups')).headers.get('x-total-count')).toBe('0')
    expect((await call('GET', `${G}?project_default=maybe`)).status).toBe(400)
  })
  it('gets a group with the servers that use it, and 404s an unknown one', async () => {
    const web = servers(await call('GET', `${S}?name=web&project=${PRODUCTION_PROJECT_ID}`))
    const groupId = (web[0]!.security_group as Json).id as string
    const g = await call('GET', `${G}/${groupId}`)
    expect(g.status).toBe(200)
    const members = (g.body.security_group as Json).servers as Json[]
    expect(members.length).toBe(servers(await call('GET', `${S}?project=${PRODUCTION_PROJECT_ID}`)).length)
    for (const s of web) expect(members).toContainEqual({ id: s.id, name: 'web' })
    const created = await newServer({ project: PRODUCTION_PROJECT_ID })
    expect((created.security_group as Json).id).toBe(groupId)
    expect(((await call('GET', `${G}/${groupId}`)).body.security_group as Json).servers).toContainEqual({ id: created.id, name: 'test-srv' })
    const missing = await call('GET', `${G}/7b04a796-5a46-45d2-a0a5-cc518b85f34d`)
    expect(missing.status).toBe(404)
    expect(missing.body).toEqual({ type: 'not_found', message: 'resource is not found', resource: 'instance_security_group', resource_id: '7b04a796-5a46-45d2-a0a5-cc518b85f34d' })
  })
  it('creates a default group for a project new to a zone', async () => {
    expect((await call('GET', '/instance/v1/zones/nl-ams-3/security_groups')).headers.get('x-total-count')).toBe('0')
    const r = await call('POST', '/instance/v1/zones/nl-ams-3/servers', { body: { commercial_type: 'DEV1-S', image: 'ubuntu_noble', project: DEFAULT_PROJECT_ID } })
    expect(r.status).toBe(201)
    const groups = (await call('GET', '/instance/v1/zones/nl-ams-3/security_groups')).body.security_groups as Json[]
    expect(groups).toHaveLength(1)
    expect(groups[0]).toMatchObject({ id: ((r.body.server as Json).security_group as Json).id, project: DEFAULT_PROJECT_ID, servers: [{ id: (r.body.server as Json).id }] })
  })
})

describe('catalogue per zone', () => {
  const typesOf = async (zone: string): Promise<Json> => {
    const out: Json = {}
    for (let page = 1; ; page++) {
      const r = await call('GET', `/instance/v1/zones/${zone}/products/servers?per_page=100&page=${page}`)
      Object.assign(out, r.body.servers as Json)
      if (Object.keys(out).length >= Number(r.headers.get('x-total-count'))) return out
    }
  }
  it('serves a different list per zone: pl-waw-1 as recorded, fr-par-1 with GPUs, it-mil-1 small', async () => {
    const pl = await call('GET', '/instance/v1/zones/pl-waw-1/products/servers')
    expect(pl.headers.get('x-total-count')).toBe('34')
    expect(Object.keys(pl.body.servers as Json)).toHaveLength(34)
    const fr = await call('GET', '/instance/v1/zones/fr-par-1/products/servers?page=2')
    expect(fr.headers.get('x-total-count')).toBe('135')
    expect(Object.keys(fr.body.servers as Json)[0]).toBe('MEMORY3-X2C-16G')
    const frTypes = await typesOf('fr-par-1')
    expect(frTypes['L4-1-24G']).toMatchObject({ gpu: 1, gpu_info: { gpu_manufacturer: 'NVIDIA', gpu_name: 'L4', gpu_memory: 25769803776 }, hourly_price: 0.7875 })
    expect(frTypes['DEV1-S']).toMatchObject({ gpu: 0, gpu_info: null, hourly_price: 0.008976, monthly_price: 6.55248 })
    const counts: Record<string, number> = {}
    for (const zone of ['fr-par-1', 'fr-par-2', 'fr-par-3', 'nl-ams-1', 'nl-ams-2', 'nl-ams-3', 'pl-waw-1', 'pl-waw-2', 'pl-waw-3', 'it-mil-1']) {
      counts[zone] = Object.keys(await typesOf(zone)).length
    }
    expect(counts['it-mil-1']).toBeLessThan(counts['pl-waw-1']!)
    expect(new Set(Object.values(counts)).size).toBeGreaterThan(5)
    expect(Object.keys(await typesOf('it-mil-1'))).not.toContain('L4-1-24G')
  })
  it('serves availability per zone, with scarce and shortage types', async () => {
    const fr = { ...((await call('GET', '/instance/v1/zones/fr-par-1/products/servers/availability?per_page=100')).body.servers as Json),
      ...((await call('GET', '/instance/v1/zones/fr-par-1/products/servers/availability?per_page=100&page=2')).body.servers as Json) }
    expect(Object.keys(fr)).toHaveLength(135)
    expect(fr['L4-2-24G']).toEqual({ availability: 'shortage' })
    expect(fr['BASIC2-A12C-24G']).toEqual({ availability: 'scarce' })
    expect(fr['DEV1-S']).toEqual({ availability: 'available' })
    const pl = (await call('GET', '/instance/v1/zones/pl-waw-1/products/servers/availability')).body.servers as Json
    expect(Object.values(pl).every((a) => (a as Json).availability === 'available')).toBe(true)
    const mil = await call('GET', '/instance/v1/zones/it-mil-1/products/servers/availability')
    expect((mil.body.servers as Json)['POP2-8C-32G']).toEqual({ availability: 'scarce' })
    expect(Object.keys(mil.body.servers as Json).sort()).toEqual(Object.keys(await typesOf('it-mil-1')).sort())
  })
  it('refuses a type the zone does not offer, on create and on update', async () => {
    const r = await call('POST', '/instance/v1/zones/it-mil-1/servers', { body: { commercial_type: 'L4-1-24G', image: 'ubuntu_noble', project: DEFAULT_PROJECT_ID } })
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ type: 'invalid_arguments', details: [{ argument_name: 'commercial_type', reason: 'constraint' }] })
    expect((await call('POST', '/instance/v1/zones/fr-par-1/servers', { body: { commercial_type: 'L4-1-24G', image: 'ubuntu_noble', project: DEFAULT_PROJECT_ID } })).status).toBe(201)
    const mil = servers(await call('GET', '/instance/v1/zones/it-mil-1/servers?state=running'))[0]!
    await call('POST', `/instance/v1/zones/it-mil-1/servers/${mil.id as string}/action`, { body: { action: 'poweroff' } })
    clock += TRANSITION
    const u = await call('PATCH', `/instance/v1/zones/it-mil-1/servers/${mil.id as string}`, { body: { commercial_type: 'GP1-XS' } })
    expect(u.status).toBe(400)
    expect((u.body.details as Json[])[0]).toMatchObject({ argument_name: 'commercial_type' })
    expect((await call('PATCH', `/instance/v1/zones/it-mil-1/servers/${mil.id as string}`, { body: { commercial_type: 'DEV1-M' } })).status).toBe(200)
  })
  it('keeps both seeds valid: every seeded server type is offered in its zone', async () => {
    for (const seed of [undefined, 200]) {
      await knob('POST', '/reset', seed === undefined ? {} : { seedServers: seed })
      for (const zone of ['fr-par-1', 'fr-par-2', 'fr-par-3', 'nl-ams-1', 'nl-ams-2', 'nl-ams-3', 'pl-waw-1', 'pl-waw-2', 'pl-waw-3', 'it-mil-1']) {
        const offered = await typesOf(zone)
        for (const s of servers(await call('GET', `/instance/v1/zones/${zone}/servers?per_page=100`))) {
          expect(offered, `${zone} ${s.name as string} ${s.commercial_type as string}`).toHaveProperty([s.commercial_type as string])
          expect((offered[s.commercial_type as string] as Json).arch).toBe(s.arch)
        }
      }
    }
  })
})

describe('server shape', () => {
  it('has dns, and admin_password_encryption_ssh_key_id (null) everywhere, as recorded', async () => {
    const created = await newServer()
    expect(created.dns).toBe(`${created.id as string}.pub.instances.scw.cloud`)
    expect(created.admin_password_encryption_ssh_key_id).toBeNull()
    const got = (await call('GET', `${S}/${created.id as string}`)).body.server as Json
    expect(got.dns).toBe(`${created.id as string}.pub.instances.scw.cloud`)
    expect(got.admin_password_encryption_ssh_key_id).toBeNull()
    const listed = servers(await call('GET', S))
    expect(listed.every((s) => s.admin_password_encryption_ssh_key_id === null && s.dns === `${s.id as string}.pub.instances.scw.cloud`)).toBe(true)
  })
  it('reads "booting kernel" on running servers, seeded or booted', async () => {
    const running = servers(await call('GET', `${S}?state=running`))
    expect(running.length).toBeGreaterThan(0)
    expect(running.every((s) => s.state_detail === 'booting kernel')).toBe(true)
    const booted = await runningServer()
    expect(((await call('GET', `${S}/${booted.id as string}`)).body.server as Json).state_detail).toBe('booting kernel')
  })
})

describe('server list order', () => {
  it('accepts the SDK order enum', async () => {
    const byCreation = servers(await call('GET', `${S}?order=creation_date_asc`))
    const oldest = byCreation[0]!
    clock += 60_000
    await call('PATCH', `${S}/${oldest.id as string}`, { body: { tags: ['touched'] } })
    expect(servers(await call('GET', `${S}?order=modification_date_desc`))[0]!.id).toBe(oldest.id)
    const asc = servers(await call('GET', `${S}?order=modification_date_asc`)).map((s) => s.modification_date as string)
    expect(asc).toEqual([...asc].sort())
    expect(asc[asc.length - 1]).toBe(((await call('GET', `${S}/${oldest.id as string}`)).body.server as Json).modification_date)
    expect(servers(await call('GET', `${S}?order=creation_date_desc`)).map((s) => s.id)).toEqual(byCreation.map((s) => s.id).reverse())
    const bad = await call('GET', `${S}?order=name_asc`)
    expect(bad.status).toBe(400)
    expect((bad.body.details as Json[])[0]).toMatchObject({ argument_name: 'order', reason: 'constraint' })
  })
  it('keeps the other filters: servers, with_ip, without_ip', async () => {
    const all = servers(await call('GET', `${S}?per_page=100`))
    const two = all.slice(0, 2).map((s) => s.id as string)
    expect(servers(await call('GET', `${S}?servers=${two.join(',')}`)).map((s) => s.id).sort()).toEqual([...two].sort())
    const withIp = all.find((s) => (s.public_ips as Json[]).length > 0)!
    const address = ((withIp.public_ips as Json[])[0]!).address as string
    expect(servers(await call('GET', `${S}?with_ip=${address}`)).map((s) => s.id)).toEqual([withIp.id])
    const without = servers(await call('GET', `${S}?without_ip=true&per_page=100`))
    expect(without.length).toBe(all.filter((s) => (s.public_ips as Json[]).length === 0).length)
    expect(servers(await call('GET', `${S}?without_ip=false&per_page=100`)).length).toBe(all.length - without.length)
  })
})

describe('routes the emulator lacks', () => {
  it('answers 501 not_implemented naming the method and route, and keeps 405 for a wrong method', async () => {
    const r = await call('GET', `${F}/snapshots`)
    expect(r.status).toBe(501)
    expect(r.headers.get('content-type')).toBe('application/json')
    expect(r.text).toBe('{"type": "not_implemented", "message": "the emulator does not implement GET /instance/v1/zones/fr-par-1/snapshots"}')
    const iam = await call('GET', '/iam/v1alpha1/logs')
    expect(iam.status).toBe(501)
    expect(iam.body).toEqual({ message: 'the emulator does not implement GET /iam/v1alpha1/logs', type: 'not_implemented' })
    expect((await call('GET', '/block/v1alpha1/zones/fr-par-1/volumes')).status).toBe(501)
    const wrong = await call('PUT', `${S}/00000000-0000-4000-8000-000000000000`, { body: {} })
    expect(wrong.status).toBe(405)
    expect(wrong.body.type).toBe('invalid_request_error')
    const log = (await knob('GET', '/requests')).body.requests as Json[]
    expect(log).toContainEqual({ method: 'GET', path: `${F}/snapshots`, query: '', status: 501, accessKey: 'SCWDEMOADMIN00000001' })
  })
})

describe('no input crashes it', () => {
  it('answers a request for // and stays up', async () => {
    const r = await raw('GET', '//')
    expect(r.status).toBe(501)
    expect(JSON.parse(r.text)).toMatchObject({ type: 'not_implemented' })
    expect((await raw('GET', '//instance/v1//zones')).status).toBe(501)
    expect((await call('GET', S)).status).toBe(200)
    expect((await raw('GET', '/__emulator/health')).status).toBe(200)
  })
  it('answers 400 for a badly percent-encoded path parameter', async () => {
    const r = await raw('GET', `${S}/%E0%A4%A`)
    expect(r.status).toBe(400)
    expect(JSON.parse(r.text)).toMatchObject({ type: 'invalid_arguments', details: [{ argument_name: 'id', reason: 'format' }] })
    expect((await raw('GET', '/instance/v1/zones/%ZZ/servers')).status).toBe(400)
    expect((await call('GET', S)).status).toBe(200)
  })
  it('answers 413 to a body over the limit (API and knobs) instead of dropping the connection', async () => {
    const big = Buffer.alloc(2_000_000, 'a')
    const r = await raw('POST', S, big)
    expect(r.status).toBe(413)
    expect(JSON.parse(r.text)).toEqual({ type: 'invalid_request_error', message: 'request body is larger than 1000000 bytes' })
    expect((await raw('POST', '/__emulator/faults', big)).status).toBe(413)
    expect((await createServer()).status).toBe(201)
    const log = (await knob('GET', '/requests')).body.requests as Json[]
    expect(log).toContainEqual({ method: 'POST', path: S, query: '', status: 413, accessKey: 'SCWDEMOADMIN00000001' })
  })
  it('answers unknown knobs and bad knob bodies without throwing', async () => {
    expect((await knob('GET', '/nothing')).body).toEqual({ error: 'unknown knob GET /__emulator/nothing' })
    expect((await knob('GET', '/time')).status).toBe(404)
    const r = await fetch(`${base}/__emulator/latency`, { method: 'POST', body: '{not json' })
    expect(r.status).toBe(400)
    expect((await knob('POST', '/latency', { ms: -1 })).status).toBe(400)
    expect((await knob('POST', '/time', { advanceMs: 1000 })).body).toEqual({ now: new Date(clock + 1000).toISOString() })
  })
})

describe('flexible IPs as the real API answers them', () => {
  const I = `${F}/ips`
  const ipOf = (r: Res): Json => r.body.ip as Json
  const newIp = async (body: Record<string, unknown> = {}): Promise<Json> =>
    ipOf(await call('POST', I, { body: { project: DEFAULT_PROJECT_ID, ...body } }))
  const getIp = async (id: unknown): Promise<Json> => ipOf(await call('GET', `${I}/${id as string}`))
  const serverIps = async (id: unknown): Promise<Json[]> => ((await call('GET', `${S}/${id as string}`)).body.server as Json).public_ips as Json[]
  const patch = (id: unknown, body: unknown, token?: string): Promise<Res> => call('PATCH', `${I}/${id as string}`, { body, token })
  const dashes = (address: unknown): string => (address as string).replace(/\./g, '-')

  it('answers a routed IPv6 with address null and a /64 prefix, everywhere', async () => {
    const created = await call('POST', I, { body: { project: DEFAULT_PROJECT_ID, type: 'routed_ipv6' } })
    expect(created.status).toBe(201)
    const ip = ipOf(created)
    expect(ip).toMatchObject({ address: null, type: 'routed_ipv6', state: 'detached', reverse: null, server: null })
    expect(ip.prefix).toMatch(/^2001:bc8:710:[0-9a-f]{4}::\/64$/)
    expect(Object.keys(ip)).toEqual(['id', 'address', 'prefix', 'reverse', 'server', 'organization', 'project', 'zone', 'type', 'state', 'tags', 'ipam_id'])
    expect(await getIp(ip.id)).toEqual(ip)
    expect(((await call('GET', `${I}?type=routed_ipv6`)).body.ips as Json[]).every((i) => i.address === null && /::\/64$/.test(i.prefix as string))).toBe(true)
    expect(((await call('GET', `${I}?name=${encodeURIComponent((ip.prefix as string).slice(0, 18))}`)).body.ips as Json[]).map((i) => i.id)).toContain(ip.id)
    const updated = ipOf(await patch(ip.id, { tags: ['v6'] }))
    expect(updated).toMatchObject({ address: null, prefix: ip.prefix, tags: ['v6'] })
    // IPv4: an address, no prefix, and still found by address in the path.
    const v4 = await newIp()
    expect(v4.prefix).toBeNull()
    expect((await getIp(v4.address)).id).toBe(v4.id)
  })

  it("shows a routed IPv6 on its server as the server's SLAAC address in the /64", async () => {
    const ip = await newIp({ type: 'routed_ipv6' })
    const server = await newServer({ public_ips: [ip.id] })
    const [entry] = await serverIps(server.id)
    const mac = (server.mac_address as string).split(':').map((o) => parseInt(o, 16))
    const eui = [((mac[0]! ^ 2) << 8) | mac[1]!, (mac[2]! << 8) | 0xff, (0xfe << 8) | mac[3]!, (mac[4]! << 8) | mac[5]!].map((g) => g.toString(16))
    expect(entry).toEqual({
      id: ip.id, address: `${(ip.prefix as string).replace('::/64', '')}:${eui.join(':')}`, dynamic: false,
      gateway: `fe80::${eui.slice(0, 3).join(':')}:${((mac[4]! << 8) | ((mac[5]! + 1) & 0xff)).toString(16)}`,
      netmask: '64', family: 'inet6', provisioning_mode: 'slaac', tags: [], state: 'attached', ipam_id: ip.ipam_id,
    })
    // The seeded IPv6 IPs too.
    const seeded = (await call('GET', `${I}?type=routed_ipv6`)).body.ips as Json[]
    expect(seeded.length).toBeGreaterThan(0)
    for (const v6 of seeded.filter((i) => i.server !== null)) {
      const e = (await serverIps((v6.server as Json).id)).find((p) => p.id === v6.id)!
      expect(e).toMatchObject({ family: 'inet6', netmask: '64', provisioning_mode: 'slaac' })
      expect((e.address as string).startsWith((v6.prefix as string).replace('::/64', ':'))).toBe(true)
    }
  })

  it('attaches to a running server through pending, settled by the emulator clock', async () => {
    const server = await runningServer()
    const ip = await newIp()
    const a = await patch(ip.id, { server: server.id })
    expect(a.status).toBe(200)
    expect(ipOf(a)).toMatchObject({ state: 'pending', server: { id: server.id, name: 'test-srv' } })
    expect(await getIp(ip.id)).toMatchObject({ state: 'pending' })
    expect((await serverIps(server.id))[0]).toMatchObject({ id: ip.id, state: 'pending' })
    clock += TRANSITION - 1
    expect((await getIp(ip.id)).state).toBe('pending')
    expect((await knob('POST', '/time', { advanceMs: 1 })).status).toBe(200)
    expect((await getIp(ip.id)).state).toBe('attached')
    expect((await serverIps(server.id))[0]).toMatchObject({ id: ip.id, state: 'attached' })
  })

  it('moves an IP to another server through pending, and detaches at once', async () => {
    const first = await runningServer()
    const second = await runningServer()
    const ip = await newIp()
    await patch(ip.id, { server: first.id })
    clock += TRANSITION
    expect((await getIp(ip.id)).state).toBe('attached')
    expect(ipOf(await patch(ip.address, { server: second.id }))).toMatchObject({ state: 'pending', server: { id: second.id } })
    expect(await serverIps(first.id)).toEqual([])
    expect((await serverIps(second.id)).map((p) => [p.id, p.state])).toEqual([[ip.id, 'pending']])
    // Detach while pending: detached at once, gone from the server, and it stays detached once time passes.
    expect(ipOf(await patch(ip.id, { server: null }))).toMatchObject({ state: 'detached', server: null })
    expect(await serverIps(second.id)).toEqual([])
    clock += TRANSITION
    expect(await getIp(ip.id)).toMatchObject({ state: 'detached', server: null })
  })

  it('attaches to a stopped server at once, and POST /ips with a server like PATCH', async () => {
    const stopped = await newServer()
    const ip = await newIp()
    expect(ipOf(await patch(ip.id, { server: stopped.id })).state).toBe('attached')
    const running = await runningServer()
    const created = await call('POST', I, { body: { project: DEFAULT_PROJECT_ID, server: running.id } })
    expect(created.status).toBe(201)
    expect(ipOf(created)).toMatchObject({ state: 'pending', server: { id: running.id } })
    clock += TRANSITION
    expect((await getIp(ipOf(created).id)).state).toBe('attached')
    expect(ipOf(await call('POST', I, { body: { project: DEFAULT_PROJECT_ID, server: stopped.id } })).state).toBe('attached')
  })

  it('drops a pending attach when the server is terminated', async () => {
    const server = await runningServer()
    const ip = await newIp()
    await patch(ip.id, { server: server.id })
    await action(server.id as string, 'terminate')
    clock += TRANSITION
    expect(await getIp(ip.id)).toMatchObject({ state: 'detached', server: null })
  })

  it('refuses to attach an IP to a server of another project (modelled 400), after the 404 and the 403', async () => {
    const production = await newServer({ project: PRODUCTION_PROJECT_ID })
    const ip = await newIp()
    const r = await patch(ip.id, { server: production.id })
    expect(r.status).toBe(400)
    expect(r.body).toEqual({
      type: 'invalid_arguments', message: 'invalid argument(s)',
      details: [{
        argument_name: 'server', reason: 'constraint',
        help_message: `the flexible IP belongs to project ${DEFAULT_PROJECT_ID} and the server to project ${PRODUCTION_PROJECT_ID}: an IP can only be attached to a server of the same project`,
      }],
    })
    expect(await getIp(ip.id)).toMatchObject({ state: 'detached', server: null })
    const created = await call('POST', I, { body: { project: DEFAULT_PROJECT_ID, server: production.id } })
    expect(created.status).toBe(400)
    expect((created.body.details as Json[])[0]).toMatchObject({ argument_name: 'server', reason: 'constraint' })
    const withIp = await createServer({ public_ips: [ip.id], project: PRODUCTION_PROJECT_ID })
    expect(withIp.status).toBe(400)
    expect((withIp.body.details as Json[])[0]).toMatchObject({ argument_name: 'public_ips', reason: 'constraint' })
    // Unknown server: 404 instance_server; a server the caller may not write (application key, default project only): 403.
    const unknown = await patch(ip.id, { server: '00000000-0000-4000-8000-000000000000' })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ type: 'not_found', resource: 'instance_server' })
    const denied = await patch(ip.id, { server: production.id }, APP)
    expect(denied.status).toBe(403)
    expect(denied.body).toMatchObject({ type: 'permissions_denied', details: [{ action: 'write', resource: 'server' }] })
  })

  it('accepts only a reverse the fake DNS points back at the IP, with the recorded refusal', async () => {
    const ip = await newIp()
    const address = ip.address as string
    for (const name of ['www.example.com', 'tf-reverse-instance.scaleway-terraform.com', '51-15-0-1.example.com', 'demo.example.com', 'x.demo.example.org']) {
      const r = await patch(ip.id, { reverse: name })
      expect(r.status, name).toBe(400)
      expect(r.body, name).toEqual({
        type: 'invalid_arguments', message: 'invalid argument(s)',
        details: [{
          argument_name: 'reverse', reason: 'constraint',
          help_message: `Your reverse must resolve. Ensure the command 'dig +short ${name}' matches your IP address '${address}'. If it does, please contact our support.`,
        }],
      })
    }
    expect((await getIp(ip.id)).reverse).toBeNull()
    for (const name of [`${dashes(address)}.example.com`, `${dashes(address).toUpperCase()}.Example.COM.`, 'mail.demo.example', 'a.b.demo.example']) {
      const r = await patch(ip.id, { reverse: name })
      expect(r.status, name).toBe(200)
      expect(ipOf(r).reverse).toBe(name)
    }
    for (const cleared of [null, '']) {
      await patch(ip.id, { reverse: 'web.demo.example' })
      expect(ipOf(await patch(ip.id, { reverse: cleared })).reverse).toBeNull()
    }
    expect((await patch(ip.id, { reverse: 42 })).body).toMatchObject({ details: [{ argument_name: 'reverse', reason: 'format' }] })
    // A routed IPv6: the first 4 groups of its prefix with dashes; the refusal names the prefix.
    const v6 = await newIp({ type: 'routed_ipv6' })
    const label = (v6.prefix as string).replace('::/64', '').replace(/:/g, '-')
    expect(ipOf(await patch(v6.id, { reverse: `${label}.example.net` })).reverse).toBe(`${label}.example.net`)
    const refused = await patch(v6.id, { reverse: `${dashes(address)}.example.net` })
    expect(refused.status).toBe(400)
    expect(((refused.body.details as Json[])[0]!).help_message).toContain(`matches your IP address '${v6.prefix as string}'`)
    // The seeded reverse is in the demo zone.
    expect(((await call('GET', `${I}?tags=spare`)).body.ips as Json[])[0]).toMatchObject({ reverse: 'spare.demo.example' })
  })

  it('never crashes on odd attach / reverse values', async () => {
    const ip = await newIp()
    for (const body of [{ server: 42 }, { server: {} }, { server: [] }, { reverse: {} }, { reverse: 'a'.repeat(5000) }, { reverse: '-.-' }, { tags: 'x' }, { server: 'not-a-uuid' }]) {
      const r = await patch(ip.id, body)
      expect([400, 404], JSON.stringify(body).slice(0, 40)).toContain(r.status)
      expect(typeof r.body.type).toBe('string')
    }
    expect((await call('GET', I)).status).toBe(200)
  })

  it('logs POST / PATCH bodies (redacted, truncated) so tests can check what reached the API', async () => {
    const ip = await newIp()
    await knob('DELETE', '/requests')
    await patch(ip.id, { reverse: 'web.demo.example' })
    await call('POST', I, { body: { project: DEFAULT_PROJECT_ID, tags: [ADMIN, 'ok'], secret_key: 'x', password: 'hunter2', note: { token: 'y' } } })
    await call('POST', I, { body: { project: DEFAULT_PROJECT_ID, tags: ['x'.repeat(3000)] } })
    await call('GET', I)
    const log = (await knob('GET', '/requests')).body.requests as Json[]
    expect(log[0]).toEqual({
      method: 'PATCH', path: `${I}/${ip.id as string}`, query: '', status: 200, accessKey: 'SCWDEMOADMIN00000001',
      body: '{"reverse":"web.demo.example"}',
    })
    expect(JSON.parse(log[1]!.body as string)).toEqual({
      project: DEFAULT_PROJECT_ID, tags: ['[redacted]', 'ok'], secret_key: '[redacted]', password: '[redacted]', note: { token: '[redacted]' },
    })
    expect((log[2]!.body as string).length).toBe(2000)
    expect((log[2]!.body as string).endsWith('…')).toBe(true)
    expect(log[3]).not.toHaveProperty('body')
    const text = JSON.stringify(log)
    for (const key of DEMO_KEYS) expect(text).not.toContain(key.secretKey)
    expect(text).not.toContain('hunter2')
  })
})
