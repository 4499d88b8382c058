/**
 * Replays the real Scaleway recordings (../shared/scaleway-recordings) against the emulator: for every recording
 * whose endpoint is emulated, the emulator is brought into the recorded situation, the recorded request is sent
 * (ids substituted), and we require the same status, the same Content-Type (or its absence), and every key path of
 * the recorded body to exist in the emulator's body (objects: every key, recursively; arrays: the union of the
 * key paths of their elements; dictionaries keyed by commercial type: the union of their values, see MAPS).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { APPLICATION_ID, DEMO_KEYS, DEFAULT_PROJECT_ID, ORGANIZATION_ID, PRODUCTION_PROJECT_ID, USER_READONLY_ID } from './seed.ts'
import { createEmulator, type Emulator } from './server.ts'

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/scaleway-recordings')
const ADMIN = DEMO_KEYS[0]!.secretKey
const APP = DEMO_KEYS[3]!.secretKey
const TRANSITION = 1000

interface Recording {
  method: string
  path: string
  query: string
  request_body: unknown
  status: number
  headers: Record<string, string>
  body: unknown
}

/** Recordings of endpoints the emulator does not implement. */
const SKIPPED: Record<string, string> = {
  'error_iam_409_transient_state.json': 'group memberships are applied at once: no transient "updating" state to refuse during',
  'error_mnq_409_already_exists.json': 'Messaging (mnq) API is not emulated',
  'error_secret_412_precondition_failed.json': 'Secret Manager API is not emulated',
  'error_vpcgw_409_transient_state.json': 'VPC Public Gateway API is not emulated',
  'legacy_account_get_token_2020.json': 'legacy account.scaleway.com host (retired API) is not emulated',
}

/** Recorded organization / project ids (and the recorder's redacted org id) all map to the demo organization. */
const GLOBAL_IDS: Record<string, string> = {
  'fa1e3217-dc80-42ac-85c3-3f034b78b552': ORGANIZATION_ID,
  '105bdce1-64c0-48ab-899d-868455867ecf': ORGANIZATION_ID,
  '4d333544-41be-4b0b-8907-0b9036859747': ORGANIZATION_ID,
  '11111111-1111-1111-1111-111111111111': ORGANIZATION_ID,
}

let clock = Date.UTC(2026, 5, 1)
let emulator: Emulator
let base: string

const call = async (method: string, path: string, body?: unknown, token: string | null = ADMIN): Promise<{ status: number; headers: Headers; text: string; json: unknown }> => {
  const headers: Record<string, string> = {}
  if (token !== null) headers['X-Auth-Token'] = token
  if (body !== undefined && body !== null) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined || body === null ? undefined : JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: text === '' ? null : JSON.parse(text) as unknown }
}
const get = async <T>(path: string): Promise<T> => (await call('GET', path)).json as T

type Obj = Record<string, unknown>
const F = '/instance/v1/zones/fr-par-1'
const newServer = async (extra: Obj = {}): Promise<string> =>
  ((await call('POST', `${F}/servers`, { name: 'replay', commercial_type: 'DEV1-S', image: 'ubuntu_jammy', project: DEFAULT_PROJECT_ID, ...extra })).json as { server: Obj }).server.id as string
const act = (id: string, action: string): Promise<unknown> => call('POST', `${F}/servers/${id}/action`, { action })
const runningServer = async (): Promise<string> => {
  const id = await newServer()
  await act(id, 'poweron')
  clock += TRANSITION
  return id
}
/** A seeded IP of the default project (the one newServer uses) in that state; GET /ips has no `attached` filter. */
const ipInState = async (state: string): Promise<Obj> =>
  (await get<{ ips: Obj[] }>(`${F}/ips?project=${DEFAULT_PROJECT_ID}&type=routed_ipv4`)).ips.find((ip) => ip.state === state)!
const detachedIp = (): Promise<Obj> => ipInState('detached')
const attachedIp = (): Promise<Obj> => ipInState('attached')
/** The fake forward DNS (instance/reverse-dns.ts): a name whose first label is the address with dashes resolves. */
const dashed = (address: unknown): string => String(address).replace(/\./g, '-')
const policyOf = async (filter: string): Promise<string> => (await get<{ policies: Obj[] }>(`/iam/v1alpha1/policies?${filter}`)).policies[0]!.id as string

interface Scenario {
  /** Returns recorded value -> emulator value substitutions for path, query and body. */
  setup?: (r: Recording) => Promise<Record<string, string>>
  token?: string | null
  /** Replaces the recorded request body (documented reason next to it). */
  body?: unknown
  /** Top-level keys whose value is a dictionary keyed by name (commercial types): compare the union of values. */
  maps?: string[]
  /** Dotted key paths whose recorded value (ids substituted) must be answered as is. */
  same?: string[]
}

const onServer = (make: () => Promise<string>) => async (r: { path: string }): Promise<Record<string, string>> => {
  const recordedId = /servers\/([0-9a-f-]{36})/.exec(r.path)?.[1] ?? ''
  return { [recordedId]: await make() }
}
const onIp = (pick: () => Promise<Obj>) => async (r: Recording): Promise<Record<string, string>> => {
  const recordedKey = /ips\/([^/]+)$/.exec(r.path)?.[1] ?? ''
  const ip = await pick()
  return { [recordedKey]: (recordedKey.includes('.') ? ip.address : ip.id) as string }
}
/** The value at a dotted key path (`ip.state`, `server.public_ips.0.state`). */
const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Obj)[k] : undefined), value)
const onProject = async (r: Recording): Promise<Record<string, string>> => {
  const recordedId = /projects\/([0-9a-f-]{36})/.exec(r.path)?.[1] ?? ''
  const created = await call('POST', '/account/v3/projects', { name: 'replay', description: 'replayed' })
  return { [recordedId]: (created.json as Obj).id as string }
}

const SCENARIOS: Record<string, Scenario> = {
  'account_delete_project.json': { setup: onProject },
  'account_get_project.json': { setup: onProject },
  'account_update_project.json': { setup: onProject },
  'error_block_429_rate_limited.json': {
    // Gateway rate limit: reproduced with the faults knob (the emulator answers faults on any path).
    setup: async () => {
      await call('POST', '/__emulator/faults', { faults: [{ path: '/block/v1/', status: 429 }] }, null)
      return {}
    },
  },
  'error_block_403_permissions_denied.json': {
    // A snapshot of the production project, read with the application key (InstancesFullAccess on "default" only).
    token: APP,
    setup: async (r) => {
      const volumes = await get<{ volumes: Obj[] }>(`/block/v1/zones/fr-par-1/volumes?project_id=${PRODUCTION_PROJECT_ID}`)
      const snapshot = await call('POST', '/block/v1/zones/fr-par-1/snapshots', { volume_id: volumes.volumes[0]!.id, project_id: PRODUCTION_PROJECT_ID })
      return { [/snapshots\/([0-9a-f-]{36})/.exec(r.path)?.[1] ?? '']: (snapshot.json as Obj).id as string }
    },
    same: ['type', 'details'],
  },
  'error_iam_400_invalid_arguments_ssh_key.json': { same: ['type', 'message', 'details'] },
  'error_iam_401_denied_authentication.json': { token: 'not-a-known-secret' },
  'error_iam_403_permissions_denied.json': { token: APP, setup: async () => ({ SCWXXXXXXXXXXXXXXXXX: DEMO_KEYS[3]!.accessKey }) },
  'error_iam_404_api_key.json': { setup: async () => ({ SCWXXXXXXXXXXXXXXXXX: 'SCWBN9HR9AA2PZHPSSNV' }) },
  'error_instance_400_invalid_arguments_ip_reverse.json': {
    // The recorded name does not point back at the IP in the emulator's fake DNS either: same error, same words,
    // with the emulator's address in place of the recorded one.
    setup: async (r) => {
      const ip = await detachedIp()
      return { ...(await onIp(async () => ip)(r)), '163.172.160.190': ip.address as string }
    },
    same: ['type', 'message', 'details'],
  },
  'error_instance_400_invalid_arguments_detach_volume.json': {
    setup: onServer(newServer),
    // The CLI cassette (format v1) lost the request body; the message names the volume it asked to detach.
    body: { volume_id: '11111111-1111-1111-1111-111111111111' },
    same: ['type', 'message', 'details'],
  },
  'error_instance_400_invalid_arguments_placement_group.json': { setup: onServer(newServer) },
  'iam_create_api_key.json': { setup: async () => ({ 'a94c31ce-e268-4f19-a5d5-5f5075c46d9b': APPLICATION_ID }) },
  'iam_get_api_key.json': { setup: async () => ({ SCWXXXXXXXXXXXXXXXXX: DEMO_KEYS[3]!.accessKey }) },
  'iam_get_policy.json': { setup: async () => ({ 'aa686c31-13f9-4b02-acc1-d0d2e3d436f5': await policyOf('policy_name=Administrators') }) },
  'iam_get_user.json': { setup: async () => ({ 'd70697ac-785c-41ac-b690-10f395972c8c': USER_READONLY_ID }) },
  'iam_list_rules.json': { setup: async () => ({ 'aa686c31-13f9-4b02-acc1-d0d2e3d436f5': await policyOf('policy_name=Administrators') }) },
  'instance_action_backup.json': { setup: onServer(newServer) },
  'instance_action_poweroff.json': { setup: onServer(runningServer) },
  'instance_action_poweron.json': { setup: onServer(newServer) },
  'instance_action_reboot.json': { setup: onServer(runningServer) },
  'instance_action_stop_in_place.json': { setup: onServer(runningServer) },
  'instance_action_terminate.json': { setup: onServer(runningServer) },
  'instance_action_terminate_2025.json': { setup: onServer(runningServer) },
  // The CLI test attaches to a stopped server: `attached` at once.
  'instance_attach_ip.json': {
    setup: async (r) => ({ ...(await onIp(detachedIp)(r)), 'd7b609b5-586c-4023-b948-9e35ea4ef9da': await newServer() }),
    same: ['ip.state', 'ip.prefix'],
  },
  'instance_create_ip.json': { same: ['ip.state', 'ip.prefix', 'ip.reverse', 'ip.server', 'ip.type'] },
  'instance_delete_ip.json': { setup: onIp(detachedIp) },
  'instance_delete_server.json': { setup: onServer(newServer) },
  'instance_detach_ip.json': { setup: onIp(attachedIp), same: ['ip.state', 'ip.server'] },
  'instance_get_ip.json': { setup: onIp(detachedIp), same: ['ip.state', 'ip.prefix', 'ip.server'] },
  'instance_get_server_running.json': { setup: onServer(runningServer) },
  'instance_get_server_starting.json': {
    setup: onServer(async () => {
      const id = await newServer()
      await act(id, 'poweron')
      return id
    }),
  },
  'instance_get_server_stopped.json': { setup: onServer(newServer) },
  'instance_get_server_stopping.json': {
    setup: onServer(async () => {
      const id = await runningServer()
      await act(id, 'poweroff')
      return id
    }),
  },
  'instance_list_server_types_page2.json': { maps: ['servers'] },
  'instance_list_server_types_pl_waw_1.json': { maps: ['servers'] },
  'instance_server_types_availability.json': { maps: ['servers'] },
  // The recorded name resolved (its DNS record had been created): here, the same zone with a first label the fake
  // DNS points at the IP (`51-158-64-2.scaleway-terraform.com`).
  'instance_update_ip_reverse.json': {
    setup: async (r) => {
      const ip = await detachedIp()
      return { ...(await onIp(async () => ip)(r)), 'tf-reverse-instance': dashed(ip.address) }
    },
    same: ['ip.reverse', 'ip.state', 'ip.prefix'],
  },
  // The recorded server boots from a local-SSD image: create one from the (recorded) Ubuntu 20.04 l_ssd image.
  'instance_update_server.json': { setup: onServer(() => newServer({ image: '4a4d2994-e7e0-4b29-a760-36235e6ba258', commercial_type: 'GP1-XS' })) },
}

/** Key paths of a JSON value: `a.b`, arrays as `a[]` (union over elements), `maps` as `key.*`. */
const keyPaths = (value: unknown, prefix = '', maps: string[] = [], out = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) {
    for (const item of value) keyPaths(item, `${prefix}[]`, [], out)
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`
      out.add(path)
      if (maps.includes(path) && v !== null && typeof v === 'object') {
        for (const inner of Object.values(v)) keyPaths(inner, `${path}.*`, [], out)
        out.add(`${path}.*`)
      } else keyPaths(v, path, [], out)
    }
  }
  return out
}

const substitute = (text: string, map: Record<string, string>): string =>
  Object.entries(map).reduce((acc, [from, to]) => (from === '' ? acc : acc.split(from).join(to)), text)

const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : []

// A contributor without ../shared may run the rest of the suite; CI never skips it.
if (files.length === 0 && process.env.CI) {
  throw new Error(`The Scaleway recordings are missing at ${DIR}: CI must replay them.`)
}

describe.skipIf(files.length === 0)(`recordings replay (${DIR})`, () => {
  beforeAll(async () => {
    emulator = createEmulator({ transitionMs: TRANSITION, now: () => clock })
    base = await emulator.listen(0)
  })
  afterAll(() => emulator.close())
  beforeEach(() => {
    clock = Date.UTC(2026, 5, 1)
    emulator.reset()
  })

  it('covers every recording (replayed or explicitly skipped)', () => {
    expect(files.length).toBeGreaterThan(0)
    for (const f of Object.keys(SKIPPED)) expect(files, f).toContain(f)
    for (const f of Object.keys(SCENARIOS)) expect(files, f).toContain(f)
  })

  for (const file of files) {
    const reason = SKIPPED[file]
    if (reason !== undefined) {
      it.skip(`${file} — skipped: ${reason}`, () => {})
      continue
    }
    it(`${file}`, async () => {
      const rec = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Recording
      const scenario = SCENARIOS[file] ?? {}
      const ids = { ...GLOBAL_IDS, ...(scenario.setup ? await scenario.setup(rec) : {}) }
      const path = substitute(rec.path, ids)
      const query = substitute(rec.query, ids)
      const recordedBody = 'body' in scenario ? scenario.body : rec.request_body
      const body = recordedBody === null || recordedBody === undefined ? undefined : JSON.parse(substitute(JSON.stringify(recordedBody), ids)) as unknown
      const res = await call(rec.method, `${path}${query ? `?${query}` : ''}`, body, scenario.token === undefined ? ADMIN : scenario.token)

      expect(res.status, `${file}: status (body ${res.text.slice(0, 300)})`).toBe(rec.status)
      expect(res.headers.get('content-type'), `${file}: Content-Type`).toBe(rec.headers['Content-Type'] ?? null)
      if (rec.headers['X-Envoy-Ratelimited']) expect(res.headers.get('x-envoy-ratelimited')).toBe(rec.headers['X-Envoy-Ratelimited'])
      if (rec.headers['X-Total-Count'] !== undefined) expect(res.headers.get('x-total-count'), `${file}: X-Total-Count`).toMatch(/^\d+$/)
      if (rec.headers.Link !== undefined) expect(res.headers.get('link'), `${file}: Link`).toMatch(/^<\/[^>]+\?page=\d+&per_page=\d+&[^>]*>; rel="(first|previous|next|last)"/)
      if (rec.headers.Location !== undefined) expect(res.headers.get('location'), `${file}: Location`).toMatch(/\/(servers|ips|tasks)\/[0-9a-f-]{36}$/)
      if (rec.body === null) {
        expect(res.text, `${file}: empty body`).toBe('')
        return
      }
      const expected = [...keyPaths(rec.body, '', scenario.maps)]
      const actual = keyPaths(res.json, '', scenario.maps)
      const missing = expected.filter((p) => !actual.has(p))
      expect(missing, `${file}: key paths missing from the emulator's body`).toEqual([])
      const recorded = JSON.parse(substitute(JSON.stringify(rec.body), ids)) as unknown
      for (const path of scenario.same ?? []) expect(at(res.json, path), `${file}: ${path}`).toEqual(at(recorded, path))
    })
  }
})

// ------------------------------------------------------------------------------------------------ sequences

/**
 * Interactions of the whole recorded conversations (../shared/scaleway-recordings/sequences) for the routes added
 * with volumes and security groups: each is replayed on a situation built like the recorded one, with the same
 * checks as above (status, JSON content type, every recorded key path) plus the values named in `same`.
 */
interface SeqInteraction {
  id: number
  method: string
  path: string
  query: string
  request_body: unknown
  status: number
  headers: Record<string, string>
  body: unknown
}

const SEQ_DIR = join(DIR, 'sequences')
const interactionOf = (file: string, id: number): SeqInteraction => {
  const seq = JSON.parse(readFileSync(join(SEQ_DIR, file), 'utf8')) as { interactions: SeqInteraction[] }
  const found = seq.interactions.find((i) => i.id === id)
  if (!found) throw new Error(`${file}: no interaction ${id}`)
  return found
}

type Slot = { id: string; volume_type: string }
const rootOf = async (serverId: string): Promise<string> =>
  ((await get<{ server: { volumes: Record<string, Slot> } }>(`${F}/servers/${serverId}`)).server.volumes['0']!).id
const localServer = (): Promise<string> => newServer({ image: '4a4d2994-e7e0-4b29-a760-36235e6ba258' })
const idIn = (re: RegExp, r: SeqInteraction): string => re.exec(r.path)?.[1] ?? ''
const volumeIdIn = (r: SeqInteraction): string => idIn(/volumes\/([0-9a-f-]{36})/, r)
const terminated = async (make: () => Promise<string>): Promise<string> => {
  const id = await make()
  await act(id, 'poweron')
  clock += TRANSITION
  const root = await rootOf(id)
  await act(id, 'terminate')
  clock += TRANSITION
  return root
}
const defaultGroup = async (): Promise<string> =>
  (await get<{ security_groups: Obj[] }>(`${F}/security_groups?project=${DEFAULT_PROJECT_ID}`)).security_groups[0]!.id as string

interface SeqReplay {
  file: string
  id: number
  what: string
  setup?: (r: SeqInteraction) => Promise<Record<string, string>>
  /** Dotted key paths whose recorded value (ids substituted) must be returned as is. */
  same?: string[]
  /** Recorded key paths not required, with the reason next to them. */
  ignore?: string[]
  /** Further checks of the answer (values derived from the emulator's own ids). */
  check?: (answered: unknown, ids: Record<string, string>) => void | Promise<void>
}

// Flexible IPs (instance--ip-routed-ipv6-attached, instance--server-with-reserved-ip, instance--server-ips-removed).
const V6_IP = '791bc439-2e80-4af4-a154-233e697dbc95'
const V6_SERVER = 'abc9d6eb-4038-4f7b-aa29-92509e4d672f'
const V6_IMAGE = '66678a7e-a2bb-4877-bbdb-294c9644bcd9'
const RESERVED_IP = 'be2a8b52-4b0e-454b-a4d2-1860f165d347'
const RESERVED_SERVER = 'ce52a219-3109-4a58-8936-ad015631725b'
const newIp = async (extra: Obj = {}): Promise<Obj> =>
  ((await call('POST', `${F}/ips`, { project: DEFAULT_PROJECT_ID, ...extra })).json as { ip: Obj }).ip
/** A stopped server holding a new routed IPv6 (as the recorded conversation builds it). */
const v6Server = async (): Promise<Record<string, string>> => {
  const ip = await newIp({ type: 'routed_ipv6' })
  const server = await newServer({ public_ips: [ip.id] })
  return { [V6_IP]: ip.id as string, [V6_SERVER]: server, [V6_IMAGE]: 'ubuntu_noble' }
}
/** A running server and a detached IP of its project, attached with PATCH: `pending` until transitionMs passes. */
const pendingAttach = async (): Promise<Record<string, string>> => {
  const server = await runningServer()
  const ip = await newIp()
  await call('PATCH', `${F}/ips/${ip.id as string}`, { server })
  return { [RESERVED_IP]: ip.id as string, [RESERVED_SERVER]: server }
}
/** The SLAAC address of a server in a /64 (modified EUI-64 of its MAC), as recorded. */
const slaac = (prefix: string, mac: string): string => {
  const o = mac.split(':').map((x) => parseInt(x, 16))
  const groups = [((o[0]! ^ 2) << 8) | o[1]!, (o[2]! << 8) | 0xff, (0xfe << 8) | o[3]!, (o[4]! << 8) | o[5]!]
  return `${prefix.replace('::/64', '')}:${groups.map((g) => g.toString(16)).join(':')}`
}
/** Emitted at random on about a fifth of the recorded server objects; the emulator emits it in lists only (render.ts). */
const RANDOM_KEYS = ['server.admin_password_encryption_ssh_key_id']
const expectV6Entry = async (answered: unknown, ids: Record<string, string>): Promise<void> => {
  const server = (answered as { server: Obj }).server
  const ip = (await get<{ ip: Obj }>(`${F}/ips/${ids[V6_IP]!}`)).ip
  const entry = (server.public_ips as Obj[])[0]!
  expect(entry.address).toBe(slaac(ip.prefix as string, server.mac_address as string))
  expect(server.public_ip).toEqual(entry)
}

const SEQ_REPLAYS: SeqReplay[] = [
  {
    file: 'instance--ip-routed-ipv6-attached.json', id: 0, what: 'routed IPv6: address null, a /64 prefix',
    same: ['ip.address', 'ip.reverse', 'ip.server', 'ip.type', 'ip.state'],
    check: (answered) => expect(at(answered, 'ip.prefix')).toMatch(/^2001:bc8:[0-9a-f]{1,4}:[0-9a-f]{1,4}::\/64$/),
  },
  {
    file: 'instance--ip-routed-ipv6-attached.json', id: 5, what: 'server created with a routed IPv6: SLAAC entry, attached',
    setup: async () => {
      const ip = await newIp({ type: 'routed_ipv6' })
      return { [V6_IP]: ip.id as string, [V6_IMAGE]: 'ubuntu_noble' }
    },
    same: ['server.state', ...['id', 'dynamic', 'netmask', 'family', 'provisioning_mode', 'tags', 'state'].map((k) => `server.public_ips.0.${k}`)],
    check: expectV6Entry, ignore: RANDOM_KEYS,
  },
  {
    file: 'instance--ip-routed-ipv6-attached.json', id: 7, what: 'server with its routed IPv6, read again',
    setup: v6Server, same: ['server.public_ips.0.family', 'server.public_ips.0.netmask', 'server.public_ips.0.state'], check: expectV6Entry,
    ignore: RANDOM_KEYS,
  },
  {
    file: 'instance--ip-routed-ipv6-attached.json', id: 18, what: 'attached routed IPv6 keeps address null',
    setup: v6Server, same: ['ip.address', 'ip.server.id', 'ip.state', 'ip.type'],
  },
  {
    file: 'instance--ip-routed-ipv6-attached.json', id: 37, what: 'detach answers detached at once',
    setup: v6Server, same: ['ip.address', 'ip.server', 'ip.state'],
  },
  {
    file: 'instance--ip-routed-ipv6-attached.json', id: 39, what: 'after the detach the server has no public IP',
    setup: async () => {
      const ids = await v6Server()
      await act(ids[V6_SERVER]!, 'poweron')
      clock += TRANSITION
      await call('PATCH', `${F}/ips/${ids[V6_IP]!}`, { server: null })
      return ids
    },
    same: ['server.public_ip', 'server.public_ips'],
  },
  {
    file: 'instance--server-with-reserved-ip.json', id: 34, what: 'PATCH attach to a running server answers pending',
    setup: async () => ({ [RESERVED_IP]: (await newIp()).id as string, [RESERVED_SERVER]: await runningServer() }),
    same: ['ip.server.id', 'ip.state'],
  },
  {
    file: 'instance--server-with-reserved-ip.json', id: 35, what: 'the server lists the IP as pending',
    setup: pendingAttach, same: ['server.public_ips.0.id', 'server.public_ips.0.state', 'server.public_ips.0.family'],
  },
  {
    file: 'instance--server-with-reserved-ip.json', id: 44, what: 'polling reads pending while the attach settles',
    setup: pendingAttach, same: ['ip.server.id', 'ip.state'],
  },
  {
    file: 'instance--server-with-reserved-ip.json', id: 33, what: 'detach of an attached IPv4 answers detached at once',
    setup: async () => {
      const ip = await newIp()
      await newServer({ public_ips: [ip.id] })
      return { '60e8ae2b-75ad-4dc3-ae2e-3c90808af3d9': ip.id as string }
    },
    same: ['ip.server', 'ip.state'],
  },
  {
    file: 'instance--server-ips-removed.json', id: 5, what: 'server created with an IPv4: attached at once',
    setup: async () => ({
      'fcbbf6b7-cec6-451c-a636-798760c908c4': (await newIp()).id as string, '4481c662-2357-432f-b0fd-dd6470c08c49': 'ubuntu_jammy',
    }),
    same: ['server.state', ...['id', 'dynamic', 'gateway', 'netmask', 'family', 'provisioning_mode', 'state'].map((k) => `server.public_ips.0.${k}`)],
    ignore: RANDOM_KEYS,
  },
  {
    file: 'instance--server-basic.json', id: 7, what: 'Block volume of a new sbs server: in_use, one reference',
    setup: async (r) => ({ [volumeIdIn(r)]: await rootOf(await newServer()) }), same: ['type', 'status', 'size', 'specs', 'last_detached_at', 'kms_key_id'],
  },
  {
    file: 'instance--server-basic.json', id: 11, what: 'running server (dns, state_detail "booting kernel")',
    setup: onServer(runningServer), same: ['state', 'state_detail', 'allowed_actions'],
  },
  {
    file: 'instance--server-basic.json', id: 12, what: 'an sbs volume is 404 instance_volume in the Instance API',
    setup: async (r) => ({ [volumeIdIn(r)]: await rootOf(await newServer()) }), same: ['type', 'message', 'resource'],
  },
  {
    file: 'instance--server-basic.json', id: 100, what: 'Block volume after terminate: available, no reference',
    setup: async (r) => ({ [volumeIdIn(r)]: await terminated(newServer) }), same: ['status', 'references'],
  },
  {
    file: 'instance--server-basic.json', id: 101, what: 'DELETE of the released Block volume',
    setup: async (r) => ({ [volumeIdIn(r)]: await terminated(newServer) }),
  },
  {
    file: 'instance--server-root-volume-size.json', id: 13, what: 'l_ssd root volume in the Instance API, attached',
    setup: async (r) => ({ [volumeIdIn(r)]: await rootOf(await localServer()) }),
  },
  {
    file: 'instance--server-root-volume-size.json', id: 39, what: 'terminate deletes the l_ssd volume',
    setup: async (r) => ({ [volumeIdIn(r)]: await terminated(localServer) }), same: ['type', 'resource'],
  },
  {
    file: 'instance--server-root-volume-size.json', id: 40, what: 'an l_ssd id is 404 volume in Block',
    setup: async (r) => ({ [volumeIdIn(r)]: await terminated(localServer) }), same: ['type', 'message', 'resource'],
  },
  {
    file: 'instance--server-additional-volumes.json', id: 80, what: 'l_ssd volume detached from its server (server null)',
    setup: async (r) => {
      const server = await localServer()
      const root = await rootOf(server)
      await call('DELETE', `${F}/servers/${server}`)
      return { [volumeIdIn(r)]: root }
    },
    same: [],
  },
  {
    file: 'instance--server-additional-volumes.json', id: 152, what: 'deleted Block volume is 404 volume',
    setup: async (r) => {
      const root = await terminated(newServer)
      await call('DELETE', `/block/v1/zones/fr-par-1/volumes/${root}`)
      return { [volumeIdIn(r)]: root }
    },
    same: ['type', 'message', 'resource'],
  },
  {
    file: 'instance--data-source-volume-basic.json', id: 5, what: 'Instance volumes list filtered by name',
    // The recorded volume is named tf-volume; the seeded local volume is the legacy-app root, named after its image.
    setup: async () => ({ 'tf-volume': 'Focal' }),
  },
  {
    file: 'instance--data-source-volume-basic.json', id: 16, what: 'deleted Instance volume is 404 instance_volume',
    setup: async (r) => {
      const server = await localServer()
      const root = await rootOf(server)
      await call('DELETE', `${F}/servers/${server}`)
      await call('DELETE', `${F}/volumes/${root}`)
      return { [volumeIdIn(r)]: root }
    },
    same: ['type', 'message', 'resource'],
  },
  {
    file: 'instance--data-source-security-group-basic.json', id: 3, what: 'security group',
    setup: async (r) => ({ [idIn(/security_groups\/([0-9a-f-]{36})/, r)]: await defaultGroup() }), same: ['stateful', 'state'],
  },
  {
    file: 'instance--data-source-security-group-basic.json', id: 11, what: 'security groups list filtered by name',
    // One group matched the recorded name: narrow the seeded defaults (one per project) to the default project's.
    setup: async () => ({ 'tf-security-group': `Default&project=${DEFAULT_PROJECT_ID}` }),
  },
  {
    file: 'instance--data-source-security-group-basic.json', id: 46, what: 'unknown security group is 404 instance_security_group',
    same: ['type', 'message', 'resource', 'resource_id'],
  },
]

describe.skipIf(!existsSync(SEQ_DIR))(`sequence replays (${SEQ_DIR})`, () => {
  beforeAll(async () => {
    emulator = createEmulator({ transitionMs: TRANSITION, now: () => clock })
    base = await emulator.listen(0)
  })
  afterAll(() => emulator.close())
  beforeEach(() => {
    clock = Date.UTC(2026, 5, 1)
    emulator.reset()
  })

  for (const replay of SEQ_REPLAYS) {
    it(`${replay.file} #${replay.id}: ${replay.what}`, async () => {
      const rec = interactionOf(replay.file, replay.id)
      const ids = { ...GLOBAL_IDS, ...(replay.setup ? await replay.setup(rec) : {}) }
      const path = substitute(rec.path, ids)
      const query = substitute(rec.query, ids)
      const body = rec.request_body === null || rec.request_body === undefined
        ? undefined
        : JSON.parse(substitute(JSON.stringify(rec.request_body), ids)) as unknown
      const res = await call(rec.method, `${path}${query ? `?${query}` : ''}`, body)
      const where = `${replay.file} #${replay.id}`
      expect(res.status, `${where}: status (body ${res.text.slice(0, 300)})`).toBe(rec.status)
      if (rec.headers['X-Total-Count'] !== undefined) expect(res.headers.get('x-total-count'), `${where}: X-Total-Count`).toBe(rec.headers['X-Total-Count'])
      if (rec.headers.Link !== undefined) expect(res.headers.get('link'), `${where}: Link`).toMatch(/^<\/[^>]+\?page=\d+&per_page=\d+&[^>]*>; rel="last"$/)
      if (rec.body === null) {
        expect(res.text, `${where}: empty body`).toBe('')
        return
      }
      expect(res.headers.get('content-type'), `${where}: Content-Type`).toBe('application/json')
      const missing = [...keyPaths(rec.body)].filter((p) => !keyPaths(res.json).has(p) && !(replay.ignore ?? []).includes(p))
      expect(missing, `${where}: key paths missing from the emulator's body: ${missing.join(', ')}`).toEqual([])
      const recorded = JSON.parse(substitute(JSON.stringify(rec.body), ids)) as unknown
      for (const path of replay.same ?? []) expect(at(res.json, path), `${where}: ${path}`).toEqual(at(recorded, path))
      await replay.check?.(res.json, ids)
    })
  }
})

// ------------------------------------------------------------------------------------------------ catalogue

describe.skipIf(!existsSync(SEQ_DIR))('server types and availability equal the recordings', () => {
  beforeAll(async () => {
    emulator = createEmulator({ transitionMs: TRANSITION, now: () => clock })
    base = await emulator.listen(0)
  })
  afterAll(() => emulator.close())

  const single = (file: string): Recording => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Recording
  const sameAnswer = async (rec: { path: string; query: string; headers: Record<string, string>; body: unknown }, label: string): Promise<void> => {
    const res = await call('GET', `${rec.path}?${rec.query}`)
    expect(res.status, label).toBe(200)
    expect(res.headers.get('x-total-count'), `${label}: X-Total-Count`).toBe(rec.headers['X-Total-Count'])
    expect(res.headers.get('link'), `${label}: Link`).toBe(rec.headers.Link)
    expect(res.json, `${label}: body`).toEqual(rec.body)
  }

  it('pl-waw-1: exactly the recorded 34 types, specs, prices and availability', async () => {
    await sameAnswer(single('instance_list_server_types_pl_waw_1.json'), 'pl-waw-1 types')
    await sameAnswer(single('instance_server_types_availability.json'), 'pl-waw-1 availability')
  })
  it('fr-par-1: the recorded 135 types (3 pages, GPUs included) and their availability', async () => {
    await sameAnswer(single('instance_list_server_types_page2.json'), 'fr-par-1 types page 2')
    for (const id of [0, 1, 2]) await sameAnswer(interactionOf('instance--data-source-server-basic.json', id), `fr-par-1 types #${id}`)
    for (const id of [4, 5, 6]) await sameAnswer(interactionOf('instance--data-source-server-type-basic.json', id), `fr-par-1 availability #${id}`)
  })
})
