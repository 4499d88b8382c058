/**
 * The routes added for whole conversations (issue 12), through the HTTP surface: what the replay (replay.test.ts)
 * cannot see because the recordings never do it: refusals, text bodies, memberships, filters, zones, and that no
 * input crashes them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { inject } from './inject.ts'
import { DEMO_KEYS, DEFAULT_PROJECT_ID, ORGANIZATION_ID, PRODUCTION_PROJECT_ID, USER_ADMIN_ID, USER_READONLY_ID } from './seed.ts'
import { createEmulator, type Emulator } from './server.ts'

const ADMIN = DEMO_KEYS[0]!.secretKey
const READONLY = DEMO_KEYS[1]!.secretKey
const APP = DEMO_KEYS[3]!.secretKey
const TRANSITION = 1000
const F = '/instance/v1/zones/fr-par-1'
const B = '/block/v1/zones/fr-par-1'
const I = '/iam/v1alpha1'

type Json = Record<string, unknown>
interface Res { status: number; type: string | null; text: string; body: Json }

let clock = Date.UTC(2026, 6, 1)
let emulator: Emulator
let base: string

const call = async (method: string, path: string, body?: unknown, opts: { token?: string; text?: boolean } = {}): Promise<Res> => {
  const headers: Record<string, string> = { 'X-Auth-Token': opts.token ?? ADMIN }
  if (body !== undefined) headers['Content-Type'] = opts.text ? 'text/plain' : 'application/json'
  const res = await fetch(`${base}${path}`, {
    method, headers, body: body === undefined ? undefined : opts.text ? String(body) : JSON.stringify(body),
  })
  const text = await res.text()
  let parsed: Json = {}
  try {
    parsed = text === '' ? {} : JSON.parse(text) as Json
  } catch {
    // a text answer (user_data)
  }
  return { status: res.status, type: res.headers.get('content-type'), text, body: parsed }
}
const later = (): void => {
  clock += TRANSITION
}
const newServer = async (extra: Json = {}): Promise<Json> =>
  (await call('POST', `${F}/servers`, { name: 'srv', commercial_type: 'DEV1-S', image: 'ubuntu_noble', project: DEFAULT_PROJECT_ID, ...extra })).body.server as Json

beforeAll(async () => {
  emulator = createEmulator({ transitionMs: TRANSITION, now: () => clock })
  base = await emulator.listen(0)
})
afterAll(() => emulator.close())
beforeEach(() => {
  clock = Date.UTC(2026, 6, 1)
  emulator.reset()
})

describe('server volumes', () => {
  it('creates extra volumes with the server and swaps them with PATCH volumes', async () => {
    const local = (await call('POST', `${F}/volumes`, { name: 'data', project: DEFAULT_PROJECT_ID, volume_type: 'l_ssd', size: 10_000_000_000 })).body.volume as Json
    const server = await newServer({ volumes: { 0: { size: 15_000_000_000 }, 1: { id: local.id }, 2: { volume_type: 'sbs_volume', size: 20_000_000_000 } } })
    const volumes = server.volumes as Record<string, Json>
    expect(Object.keys(volumes)).toEqual(['0', '1', '2'])
    expect(volumes['1']).toMatchObject({ id: local.id, volume_type: 'l_ssd', server: { id: server.id } })
    expect(volumes['2']).toMatchObject({ volume_type: 'sbs_volume' })
    expect((await call('GET', `${B}/volumes/${volumes['0']!.id as string}`)).body.size).toBe(15_000_000_000)
    const patched = (await call('PATCH', `${F}/servers/${server.id as string}`, { volumes: { 0: { id: volumes['0']!.id } } })).body.server as Json
    expect(Object.keys(patched.volumes as Json)).toEqual(['0'])
    expect(((await call('GET', `${F}/volumes/${local.id as string}`)).body.volume as Json).server).toBeNull()
    expect((await call('GET', `${B}/volumes/${volumes['2']!.id as string}`)).body).toMatchObject({ status: 'available', references: [] })
  })
  it('attaches and detaches with the dedicated routes, refusing a volume the server does not have as recorded', async () => {
    const server = await newServer()
    const block = (await call('POST', `${B}/volumes`, { name: 'extra', project_id: DEFAULT_PROJECT_ID, from_empty: { size: 10_000_000_000 } })).body
    expect(block.status).toBe('creating')
    later()
    expect((await call('GET', `${B}/volumes/${block.id as string}`)).body.status).toBe('available')
    const attached = await call('POST', `${F}/servers/${server.id as string}/attach-volume`, { volume_id: block.id })
    expect(Object.keys((attached.body.server as Json).volumes as Json)).toEqual(['0', '1'])
    expect((await call('DELETE', `${B}/volumes/${block.id as string}`)).status).toBe(412)
    const ghost = '11111111-1111-4111-8111-111111111111'
    const refused = await call('POST', `${F}/servers/${server.id as string}/detach-volume`, { volume_id: ghost })
    expect(refused.status).toBe(400)
    expect(refused.body.details).toEqual([{ argument_name: 'volume_id', reason: 'constraint', help_message: `Volume ${ghost} is not attached to this server` }])
    expect((await call('POST', `${F}/servers/${server.id as string}/detach-volume`, { volume_id: block.id })).status).toBe(200)
    expect((await call('DELETE', `${B}/volumes/${block.id as string}`)).status).toBe(204)
  })
  it('snapshots a Block volume and refuses another project\'s snapshot to a key scoped elsewhere', async () => {
    const volume = ((await call('GET', `${B}/volumes?project_id=${PRODUCTION_PROJECT_ID}`)).body.volumes as Json[])[0]!
    const snapshot = (await call('POST', `${B}/snapshots`, { volume_id: volume.id, project_id: PRODUCTION_PROJECT_ID, name: 'snap' })).body
    expect(snapshot).toMatchObject({ name: 'snap', status: 'creating', parent_volume: { id: volume.id } })
    const denied = await call('GET', `${B}/snapshots/${snapshot.id as string}`, undefined, { token: APP })
    expect(denied.body).toEqual({ details: [{ action: 'read', resource: 'snapshot' }], message: 'insufficient permissions', type: 'permissions_denied' })
    expect((await call('GET', `${B}/snapshots?volume_id=${volume.id as string}`)).body.total_count).toBe(1)
  })
})

describe('user data, security groups, placement groups', () => {
  it('keeps user data as text', async () => {
    const server = await newServer()
    const U = `${F}/servers/${server.id as string}/user_data`
    expect((await call('PATCH', `${U}/cloud-init`, '#cloud-config\napt_update: true\n', { text: true })).status).toBe(204)
    const got = await call('GET', `${U}/cloud-init`)
    expect(got.type).toBe('text/plain')
    expect(got.text).toBe('#cloud-config\napt_update: true\n')
    expect((await call('GET', U)).body).toEqual({ user_data: ['cloud-init'] })
    expect((await call('GET', `${U}/missing`)).body.resource).toBe('instance_user_data')
    expect((await call('DELETE', `${U}/cloud-init`)).status).toBe(204)
    expect((await call('GET', U)).body).toEqual({ user_data: [] })
  })
  it('sets rules after the default SMTP drops and refuses to delete a group in use', async () => {
    const group = (await call('POST', `${F}/security_groups`, { name: 'web', project: DEFAULT_PROJECT_ID, inbound_default_policy: 'drop' })).body.security_group as Json
    const set = await call('PUT', `${F}/security_groups/${group.id as string}/rules`, { rules: [{ protocol: 'TCP', direction: 'inbound', action: 'accept', ip_range: '1.1.1.1/32', dest_port_from: 22 }] })
    const rules = set.body.rules as Json[]
    expect(rules).toHaveLength(7)
    expect(rules.slice(0, 6).every((r) => r.editable === false && r.action === 'drop')).toBe(true)
    expect(rules[6]).toMatchObject({ ip_range: '1.1.1.1', position: 1, editable: true })
    expect((await call('PATCH', `${F}/security_groups/${group.id as string}/rules/${rules[0]!.id as string}`, { action: 'accept' })).status).toBe(400)
    const server = await newServer({ security_group: group.id })
    expect(server.security_group).toEqual({ id: group.id, name: 'web' })
    const busy = await call('DELETE', `${F}/security_groups/${group.id as string}`)
    expect(busy.status).toBe(409)
    expect(busy.body).toEqual({ type: 'conflict', message: 'Group is in use. You cannot delete it.' })
  })
  it('serves placement groups in v1 and v2alpha1 and shows the group on its servers', async () => {
    const created = (await call('POST', '/instance/v2alpha1/zones/fr-par-1/placement-groups', { project_id: DEFAULT_PROJECT_ID, name: 'pg', policy_type: 'low_latency' })).body
    expect(created).toMatchObject({ name: 'pg', policy_type: 'low_latency', zone: 'fr-par-1' })
    const server = await newServer()
    const joined = (await call('PATCH', `${F}/servers/${server.id as string}`, { placement_group: created.id })).body.server as Json
    expect(joined.placement_group).toMatchObject({ id: created.id, policy_mode: 'optional', policy_respected: true })
    expect((await call('GET', `${F}/placement_groups/${created.id as string}/servers`)).body.servers).toEqual([{ id: server.id, name: 'srv', policy_respected: true }])
    expect((await call('DELETE', `${F}/placement_groups/${created.id as string}`)).status).toBe(204)
    expect(((await call('GET', `${F}/servers/${server.id as string}`)).body.server as Json).placement_group).toBeNull()
  })
})

describe('private networks', () => {
  it('plugs a server into a Private Network with IPAM addresses, in both NIC APIs', async () => {
    const network = (await call('POST', '/vpc/v2/regions/fr-par/private-networks', { name: 'pn', project_id: DEFAULT_PROJECT_ID })).body
    expect((network.subnets as Json[]).map((s) => s.subnet)).toEqual([expect.stringMatching(/\/22$/), expect.stringMatching(/::\/64$/)])
    const server = await newServer()
    const nic = (await call('POST', '/instance/v2alpha1/zones/fr-par-1/private-network-interfaces', { server_id: server.id, private_network_id: network.id, project_id: DEFAULT_PROJECT_ID })).body
    expect(nic.status).toBe('attaching')
    later()
    expect((await call('GET', `${F}/servers/${server.id as string}/private_nics/${nic.id as string}`)).body.private_nic).toMatchObject({ state: 'available', ipam_ip_ids: nic.ip_ids })
    const ips = (await call('GET', `/ipam/v1/regions/fr-par/ips?resource_id=${nic.id as string}&order_by=created_at_desc`)).body
    expect((ips.ips as Json[]).map((ip) => ip.is_ipv6)).toEqual([true, false])
    expect((await call('DELETE', `/vpc/v2/regions/fr-par/private-networks/${network.id as string}`)).status).toBe(412)
    await call('POST', `${F}/servers/${server.id as string}/action`, { action: 'poweron' })
    later()
    await call('POST', `${F}/servers/${server.id as string}/action`, { action: 'terminate' })
    later()
    expect((await call('GET', `/ipam/v1/regions/fr-par/ips?resource_id=${nic.id as string}`)).body.total_count).toBe(0)
    expect((await call('DELETE', `/vpc/v2/regions/fr-par/private-networks/${network.id as string}`)).status).toBe(204)
  })
  it('refuses a network of another region', async () => {
    const network = (await call('POST', '/vpc/v2/regions/nl-ams/private-networks', { project_id: DEFAULT_PROJECT_ID })).body
    const server = await newServer()
    const r = await call('POST', `${F}/servers/${server.id as string}/private_nics`, { private_network_id: network.id })
    expect(r.status).toBe(400)
    expect((r.body.details as Json[])[0]!.argument_name).toBe('private_network_id')
  })
})

describe('dynamic IPs', () => {
  it('gives a running server that requires one a dynamic IP, replaced by a flexible IP', async () => {
    const server = await newServer({ dynamic_ip_required: false })
    await call('POST', `${F}/servers/${server.id as string}/action`, { action: 'poweron' })
    later()
    const patched = (await call('PATCH', `${F}/servers/${server.id as string}`, { dynamic_ip_required: true })).body.server as Json
    expect(patched.public_ip).toMatchObject({ dynamic: true, state: 'pending' })
    expect((await call('GET', `${F}/ips?project=${DEFAULT_PROJECT_ID}`)).body.ips).not.toContainEqual(expect.objectContaining({ id: (patched.public_ip as Json).id }))
    const ip = (await call('POST', `${F}/ips`, { project: DEFAULT_PROJECT_ID })).body.ip as Json
    await call('PATCH', `${F}/ips/${ip.id as string}`, { server: server.id })
    const now = (await call('GET', `${F}/servers/${server.id as string}`)).body.server as Json
    expect((now.public_ips as Json[]).map((p) => p.id)).toEqual([ip.id])
  })
})

describe('Marketplace and product catalogue', () => {
  it('turns a label into the image of each architecture and type', async () => {
    const r = await call('GET', '/marketplace/v2/local-images?image_label=ubuntu_focal&zone=fr-par-1&type=instance_sbs')
    const images = r.body.local_images as Json[]
    expect(images.map((i) => i.arch).sort()).toEqual(['arm64', 'x86_64'])
    const x86 = images.find((i) => i.arch === 'x86_64')!
    expect(x86.compatible_commercial_types).toContain('DEV1-S')
    expect(x86.compatible_commercial_types).not.toContain('BASIC2-A2C-4G')
    const local = (await call('GET', '/marketplace/v2/local-images?image_label=ubuntu_focal&zone=fr-par-1&type=instance_local')).body.local_images as Json[]
    expect(local).toHaveLength(1)
    expect(local[0]!.compatible_commercial_types).not.toContain('PRO2-XXS')
    const server = await newServer({ image: x86.id })
    expect((server.volumes as Record<string, Json>)['0']!.volume_type).toBe('sbs_volume')
    expect((await call('GET', `/marketplace/v2/local-images/${x86.id as string}`)).body.label).toBe('ubuntu_focal')
  })
  it('lists GPU offers with their GPU, per zone', async () => {
    const render = (await call('GET', '/product-catalog/v2alpha1/public-catalog/products?product_types=instance&zone=fr-par-1&api_ids=RENDER-S')).body
    expect(render.total_count).toBe(1)
    expect(((render.products as Json[])[0]!.properties as { hardware: Json }).hardware.gpu).toEqual({ description: '1 x P100', count: 1, type: 'P100' })
    expect((await call('GET', '/product-catalog/v2alpha1/public-catalog/products?zone=it-mil-1&api_ids=RENDER-S')).body.total_count).toBe(0)
    expect((await call('GET', '/product-catalog/v2alpha1/public-catalog/products?product_types=block_storage')).body.total_count).toBe(0)
  })
})

describe('IAM writes', () => {
  it('creates, renames and deletes an application, with its API keys', async () => {
    const app = (await call('POST', `${I}/applications`, { name: 'ci', organization_id: ORGANIZATION_ID, tags: ['x'] })).body
    expect(app).toMatchObject({ name: 'ci', nb_api_keys: 0, tags: ['x'], editable: true })
    const key = (await call('POST', `${I}/api-keys`, { application_id: app.id })).body
    expect((await call('PATCH', `${I}/applications/${app.id as string}`, { name: 'ci-2' })).body).toMatchObject({ name: 'ci-2', nb_api_keys: 1 })
    expect((await call('DELETE', `${I}/applications/${app.id as string}`)).status).toBe(204)
    expect((await call('GET', `${I}/api-keys/${key.access_key as string}`)).status).toBe(404)
    expect((await call('POST', `${I}/applications`, { description: 'no name' })).body.type).toBe('invalid_arguments')
  })
  it('manages group memberships', async () => {
    const group = (await call('POST', `${I}/groups`, { name: 'readers' })).body
    const added = (await call('POST', `${I}/groups/${group.id as string}/add-members`, { user_ids: [USER_READONLY_ID, USER_ADMIN_ID] })).body
    expect(added.user_ids).toEqual([USER_READONLY_ID, USER_ADMIN_ID])
    const removed = (await call('POST', `${I}/groups/${group.id as string}/remove-member`, { user_id: USER_ADMIN_ID })).body
    expect(removed.user_ids).toEqual([USER_READONLY_ID])
    expect((await call('POST', `${I}/groups/${group.id as string}/add-member`, { user_id: '11111111-1111-4111-8111-111111111111' })).status).toBe(400)
    expect((await call('PUT', `${I}/groups/${group.id as string}/members`, { user_ids: [], application_ids: [] })).body.user_ids).toEqual([])
    expect((await call('DELETE', `${I}/groups/${group.id as string}`)).status).toBe(204)
    expect((await call('GET', `${I}/groups/${group.id as string}`)).body.resource).toBe('group')
  })
  it('replaces a policy\'s rules, updates and deletes it; a read-only key may not', async () => {
    const policy = (await call('POST', `${I}/policies`, { name: 'p', no_principal: true, rules: [{ permission_set_names: ['IAMReadOnly'], organization_id: ORGANIZATION_ID }] })).body
    const set = (await call('PUT', `${I}/rules`, { policy_id: policy.id, rules: [{ permission_set_names: ['InstancesReadOnly'], project_ids: [DEFAULT_PROJECT_ID] }] })).body
    expect(set).not.toHaveProperty('total_count')
    expect(set.rules).toEqual([expect.objectContaining({ permission_set_names: ['InstancesReadOnly'], project_ids: [DEFAULT_PROJECT_ID] })])
    expect((await call('PATCH', `${I}/policies/${policy.id as string}`, { description: 'd', user_id: USER_READONLY_ID })).body).toMatchObject({ description: 'd', user_id: USER_READONLY_ID })
    expect((await call('DELETE', `${I}/policies/${policy.id as string}`, undefined, { token: READONLY })).status).toBe(403)
    expect((await call('DELETE', `${I}/policies/${policy.id as string}`)).status).toBe(204)
    expect((await call('GET', `${I}/rules?policy_id=${policy.id as string}`)).status).toBe(404)
  })
  it('creates a member, refuses to delete the owner', async () => {
    const user = (await call('POST', `${I}/users`, { organization_id: ORGANIZATION_ID, member: { email: 'new@demo.example', send_welcome_email: false } })).body
    expect(user).toMatchObject({ email: 'new@demo.example', type: 'member', status: 'activated' })
    expect((await call('DELETE', `${I}/users/${USER_ADMIN_ID}`)).status).toBe(412)
    expect((await call('DELETE', `${I}/users/${user.id as string}`)).status).toBe(204)
  })
  it('registers SSH keys with a fingerprint, once per project', async () => {
    const publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIQE67HxSRicWd4ol7ntM2jdeD/qEehPJxK/3thmMiZg me@host'
    const key = (await call('POST', `${I}/ssh-keys`, { name: 'laptop', public_key: publicKey, project_id: DEFAULT_PROJECT_ID })).body
    expect(key.fingerprint).toMatch(/^256 MD5:([0-9a-f]{2}:){15}[0-9a-f]{2} me@host \(ssh-ed25519\)$/)
    expect((await call('POST', `${I}/ssh-keys`, { name: 'again', public_key: publicKey, project_id: DEFAULT_PROJECT_ID })).status).toBe(409)
    expect((await call('GET', `${I}/ssh-keys?project_id=${DEFAULT_PROJECT_ID}`)).body.total_count).toBe(1)
    expect((await call('PATCH', `${I}/ssh-keys/${key.id as string}`, { disabled: true })).body.disabled).toBe(true)
    expect((await call('DELETE', `${I}/ssh-keys/${key.id as string}`)).status).toBe(204)
  })
})

describe('no input crashes the new routes', () => {
  const id = '00000000-0000-4000-8000-000000000000'
  const paths = [
    `${F}/volumes`, `${F}/volumes/${id}`, `${F}/security_groups`, `${F}/security_groups/${id}/rules`, `${F}/placement_groups`,
    `${F}/servers/${id}/user_data/k`, `${F}/servers/${id}/private_nics`, `${F}/servers/${id}/attach-volume`,
    '/instance/v2alpha1/zones/fr-par-1/private-network-interfaces', '/instance/v2alpha1/zones/fr-par-1/placement-groups',
    `${B}/volumes`, `${B}/snapshots`, '/vpc/v2/regions/fr-par/vpcs', '/vpc/v2/regions/xx-yyy/private-networks',
    '/ipam/v1/regions/fr-par/ips?is_ipv6=maybe', '/marketplace/v2/local-images?zone=nowhere', `${I}/groups`, `${I}/rules`,
    `${I}/ssh-keys`, `${I}/users`, '/product-catalog/v2alpha1/public-catalog/products?product_types=x',
  ]
  const bodies: unknown[] = [null, 42, 'text', [], { rules: 'x' }, { volumes: { a: 1 } }, { volumes: { 0: null, 1: { id: 'x' } } },
    { project: 12, size: -1, name: { a: 1 } }, { server_id: [], private_network_id: 7 }, { user_ids: 'x', rules: [null, 1] },
    { from_empty: { size: 'big' }, perf_iops: 7 }, { public_key: 'nope', project_id: '' }]
  it('answers every odd request without a 5xx', async () => {
    for (const url of paths) {
      for (const method of ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']) {
        for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : bodies) {
          const headers = { 'X-Auth-Token': ADMIN, 'Content-Type': 'application/json' }
          const r = await inject(emulator, { method, url, headers, body: body === undefined ? undefined : JSON.stringify(body) })
          expect(r.status, `${method} ${url} ${JSON.stringify(body)}: ${r.text.slice(0, 200)}`).toBeLessThan(500)
        }
      }
    }
  }, 30_000)
})
