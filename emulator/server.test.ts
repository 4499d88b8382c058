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
    expect((await createServer({ commercial_type: 'COPARM1-2C-8G' })).status).toBe(400) // x86 image on arm64
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
    expect(await state(id)).toEqual(['running', 'booted', ['poweroff', 'terminate', 'reboot', 'stop_in_place', 'backup']])
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
  it('refuses an action outside allowed_actions with transient_state', async () => {
    const id = ((await createServer()).body.server as Json).id as string
    const r = await act(id, 'poweroff')
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ type: 'transient_state', current_state: 'stopped', resource_id: id })
    expect((await act(id, 'explode')).status).toBe(400)
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
    expect(((await call('PATCH', `${I}/${ip.id as string}`, { body: { reverse: 'www.example.com' } })).body.ip as Json).reverse).toBe('www.example.com')
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
    const detached = (await call('GET', `${I}?attached=false`)).body.ips as Json[]
    expect(detached.length).toBe(2)
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
    for (const name of ['DEV1-S', 'GP1-XS', 'PLAY2-PICO', 'PRO2-XXS', 'POP2-2C-8G', 'COPARM1-2C-8G']) {
      expect((all.body.servers as Json)[name], name).toMatchObject({ ncpus: expect.any(Number), hourly_price: expect.any(Number) })
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
  it('answers unknown routes with a Scaleway-like 404', async () => {
    const r = await call('GET', '/instance/v1/zones/fr-par-1/nothing')
    expect(r.status).toBe(404)
    expect(r.body.type).toBe('not_found')
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
