/**
 * Deterministic demo data (same ids and dates on every start).
 *
 * Normal demo seed (`seedServers` undefined):
 * - organization `Demo Org` (id = the "default" project id, as on Scaleway), projects default, production, staging;
 * - IAM: users admin (owner), readonly and former-contractor (members), application instances-automation, groups
 *   Operators (admin) and Auditors (readonly, former-contractor), one policy per user / application (DEMO_KEYS says
 *   what each grants) plus one per group (Operators: Instances + Block Storage on production and staging; Auditors:
 *   IAMReadOnly + ProjectReadOnly), which add nothing their members lack; every user, group and policy is tagged;
 * - 36 servers: fr-par-1 12, fr-par-2 5, fr-par-3 3, nl-ams-1 5, nl-ams-2 3, pl-waw-1 4, pl-waw-2 2, it-mil-1 2,
 *   nl-ams-3 and pl-waw-3 empty. Every state is present; three servers are named "web" in fr-par-1.
 *   Seeded `starting` / `stopping` servers carry no pending transition: they stay transitional (stable demo data)
 *   until an action (e.g. stop_in_place) moves them.
 * - 19 flexible IPs: 16 attached (13 routed IPv4, 3 routed IPv6: address null, a /64 prefix, shown on their
 *   servers as a SLAAC address), 3 detached routed IPv4 (fr-par-1 ×2, nl-ams-1 ×1). All are `attached` or `detached`
 *   (none `pending`). Reverse DNS: null (the default) except fr-par-1's "spare" IP, `spare.demo.example`, which
 *   resolves in the emulator's fake DNS (instance/reverse-dns.ts).
 * - public images in every zone (Ubuntu 24.04 / 22.04 / 20.04, Debian 12, x86_64 + arm64, SBS roots, plus Ubuntu 20.04
 *   with a local-SSD root volume), listed by the Marketplace (IMAGE_DEFS), and one private image in fr-par-1 (project
 *   default).
 * - volumes: every server's root volume, in the store its image calls for (model.ts): Block Storage
 *   `<image>_sbs_volume_0` (10 GB; 50 GB for the databases, 100 GB for backup-store) or, for legacy-app (Ubuntu 20.04
 *   on GP1-XS), a 150 GB Instance `l_ssd` volume. Plus db-primary's 100 GB `sbs_15k` data volume "db-primary-data"
 *   (slot "1") and one detached block volume "old-backups" (50 GB, fr-par-1, default project).
 * - security groups: one "Default security group" per (zone, project) that has servers (model.ts).
 *
 * `seedServers: N` seeds exactly N servers round-robin over the same 8 zones (states cycling, every third server
 * with an attached routed IPv4), keeping the IAM / Account seed identical.
 *
 * Quota: 50 servers per (project, zone) (the demo seed has at most 6: fr-par-1 / production; 5 in fr-par-1 / default).
 * When a large seed puts more than 25 servers in one (project, zone), the quota becomes that count + 50, so creates
 * never fail because of the seed size. POST /__emulator/quotas {servers} overrides it.
 */
import { uuidFrom } from './ids.ts'
import { addIp, attachBlockVolume, makeBlockVolume, makeIp, makeServer, zoneData } from './model.ts'
import { type ApiKey, type Principal, type ServerState, type Store, type Zone, emptyZone, ZONES } from './store.ts'

export const ORGANIZATION_ID = uuidFrom('organization:demo')
export const DEFAULT_PROJECT_ID = ORGANIZATION_ID
export const PRODUCTION_PROJECT_ID = uuidFrom('project:production')
export const STAGING_PROJECT_ID = uuidFrom('project:staging')
/** Organization owning Scaleway public images (as in the recordings). */
export const PUBLIC_IMAGES_ORGANIZATION = '51b656e3-4865-41e8-adbc-0c45bdd780db'

export const USER_ADMIN_ID = uuidFrom('user:admin')
export const USER_READONLY_ID = uuidFrom('user:readonly')
export const USER_FORMER_ID = uuidFrom('user:former')
export const APPLICATION_ID = uuidFrom('application:instances-automation')
export const OPERATORS_GROUP_ID = uuidFrom('group:operators')
export const AUDITORS_GROUP_ID = uuidFrom('group:auditors')

export interface DemoKey {
  accessKey: string
  secretKey: string
  label: string
  description: string
}

export const DEMO_KEYS: DemoKey[] = [
  {
    accessKey: 'SCWDEMOADMIN00000001',
    secretKey: '11111111-1111-4111-8111-111111111111',
    label: 'admin',
    description: 'User admin@demo.example, full access to the organization (AllProductsFullAccess)',
  },
  {
    accessKey: 'SCWDEMOREADONLY00001',
    secretKey: '22222222-2222-4222-8222-222222222222',
    label: 'read-only',
    description: 'User readonly@demo.example, read-only (AllProductsReadOnly): every write answers 403',
  },
  {
    accessKey: 'SCWDEMOEXPIRED000001',
    secretKey: '33333333-3333-4333-8333-333333333333',
    label: 'expired',
    description: 'Expired key (expires_at in the past): every call answers 401 denied_authentication/expired',
  },
  {
    accessKey: 'SCWDEMOAPP0000000001',
    secretKey: '44444444-4444-4444-8444-444444444444',
    label: 'application',
    description: 'Application instances-automation: InstancesFullAccess on project "default" only, no IAM access',
  },
]

/** 2026-01-05T09:00:00Z: seeded resources are created from this date on. */
export const SEED_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0)
const HOUR = 3_600_000
const DEFAULT_QUOTA = 50

export interface ImageDef {
  key: string
  /** The name POST /servers accepts in place of the image id (an emulator convenience), unique per zone; or null. */
  label: string | null
  /** The Marketplace label it is listed under (`/marketplace/v2/local-images?image_label=`), one per distribution. */
  marketplaceLabel: string
  name: string
  arch: string
  volumeType: 'sbs_snapshot' | 'l_ssd'
  /** Real public image ids from the recordings, used in fr-par-1 so recorded requests replay as-is. */
  frPar1Id?: string
}

/**
 * Public images, per zone. Each Marketplace label has an SBS image per architecture (`instance_sbs`); Ubuntu 20.04
 * also has its local-SSD image (`instance_local`), as the recorded Marketplace answers
 * (`sequences/instance--server-basic.json` 3, `instance--server-root-volume-size.json` 3).
 */
export const IMAGE_DEFS: ImageDef[] = [
  { key: 'noble', label: 'ubuntu_noble', marketplaceLabel: 'ubuntu_noble', name: 'Ubuntu 24.04 Noble Numbat', arch: 'x86_64', volumeType: 'sbs_snapshot' },
  { key: 'noble-arm64', label: 'ubuntu_noble_arm64', marketplaceLabel: 'ubuntu_noble', name: 'Ubuntu 24.04 Noble Numbat', arch: 'arm64', volumeType: 'sbs_snapshot' },
  { key: 'jammy', label: 'ubuntu_jammy', marketplaceLabel: 'ubuntu_jammy', name: 'Ubuntu 22.04 Jammy Jellyfish', arch: 'x86_64', volumeType: 'sbs_snapshot', frPar1Id: '6d3c053e-c728-4294-b23a-560b62a4d592' },
  { key: 'jammy-arm64', label: 'ubuntu_jammy_arm64', marketplaceLabel: 'ubuntu_jammy', name: 'Ubuntu 22.04 Jammy Jellyfish', arch: 'arm64', volumeType: 'sbs_snapshot' },
  { key: 'bookworm', label: 'debian_bookworm', marketplaceLabel: 'debian_bookworm', name: 'Debian Bookworm', arch: 'x86_64', volumeType: 'sbs_snapshot' },
  { key: 'bookworm-arm64', label: 'debian_bookworm_arm64', marketplaceLabel: 'debian_bookworm', name: 'Debian Bookworm', arch: 'arm64', volumeType: 'sbs_snapshot' },
  { key: 'focal', label: 'ubuntu_focal', marketplaceLabel: 'ubuntu_focal', name: 'Ubuntu 20.04 Focal Fossa', arch: 'x86_64', volumeType: 'l_ssd', frPar1Id: '4a4d2994-e7e0-4b29-a760-36235e6ba258' },
  { key: 'focal-sbs', label: null, marketplaceLabel: 'ubuntu_focal', name: 'Ubuntu 20.04 Focal Fossa', arch: 'x86_64', volumeType: 'sbs_snapshot', frPar1Id: 'fc4d4e26-849d-4e03-b933-cb1626ca8cad' },
  { key: 'focal-sbs-arm64', label: null, marketplaceLabel: 'ubuntu_focal', name: 'Ubuntu 20.04 Focal Fossa', arch: 'arm64', volumeType: 'sbs_snapshot', frPar1Id: '516875a2-40bd-487a-bd5c-052b61f248a1' },
]

export const imageIdFor = (zone: Zone, key: string): string => {
  const def = IMAGE_DEFS.find((d) => d.key === key)
  if (zone === 'fr-par-1' && def?.frPar1Id) return def.frPar1Id
  return uuidFrom(`image:${zone}:${key}`)
}

type IpSpec = 'v4' | 'v6'
type ServerSpec = [zone: Zone, name: string, project: 'default' | 'production' | 'staging', type: string, state: ServerState, image: string, tags: string[], ips: IpSpec[]]

const DEMO_SERVERS: ServerSpec[] = [
  ['fr-par-1', 'web', 'production', 'PRO2-S', 'running', 'noble', ['web', 'frontend'], ['v4', 'v6']],
  ['fr-par-1', 'web', 'production', 'PRO2-S', 'running', 'noble', ['web', 'frontend'], ['v4']],
  ['fr-par-1', 'web', 'staging', 'DEV1-M', 'stopped', 'noble', ['web'], []],
  ['fr-par-1', 'api-1', 'production', 'POP2-4C-16G', 'running', 'jammy', ['api'], ['v4']],
  ['fr-par-1', 'api-2', 'production', 'POP2-4C-16G', 'starting', 'jammy', ['api'], []],
  ['fr-par-1', 'db-primary', 'production', 'POP2-HM-4C-32G', 'running', 'bookworm', ['db', 'postgres'], ['v4']],
  ['fr-par-1', 'db-replica', 'production', 'POP2-HM-4C-32G', 'stopped in place', 'bookworm', ['db', 'postgres'], []],
  ['fr-par-1', 'worker-1', 'default', 'PLAY2-NANO', 'running', 'noble', ['worker'], []],
  ['fr-par-1', 'worker-2', 'default', 'PLAY2-NANO', 'stopping', 'noble', ['worker'], []],
  ['fr-par-1', 'bastion', 'default', 'DEV1-S', 'running', 'bookworm', ['ssh'], ['v4']],
  ['fr-par-1', 'ci-runner', 'default', 'BASIC2-A4C-16G', 'stopped', 'noble-arm64', ['ci'], []],
  ['fr-par-1', 'legacy-app', 'default', 'GP1-XS', 'stopped', 'focal', ['legacy'], []],
  ['fr-par-2', 'web', 'default', 'PLAY2-PICO', 'running', 'noble', ['web'], ['v4']],
  ['fr-par-2', 'cache-1', 'production', 'POP2-2C-8G', 'running', 'bookworm', ['cache', 'redis'], []],
  ['fr-par-2', 'cache-2', 'production', 'POP2-2C-8G', 'stopped', 'bookworm', ['cache', 'redis'], []],
  ['fr-par-2', 'monitoring', 'default', 'DEV1-M', 'running', 'jammy', ['monitoring'], ['v4', 'v6']],
  ['fr-par-2', 'batch-1', 'staging', 'PRO2-XXS', 'stopped in place', 'noble', ['batch'], []],
  ['fr-par-3', 'staging-api', 'staging', 'DEV1-S', 'running', 'jammy', ['api'], []],
  ['fr-par-3', 'staging-db', 'staging', 'DEV1-M', 'stopped', 'bookworm', ['db'], []],
  ['fr-par-3', 'sandbox', 'default', 'PLAY2-PICO', 'starting', 'noble', [], []],
  ['nl-ams-1', 'web-ams-1', 'production', 'PRO2-XS', 'running', 'noble', ['web'], ['v4']],
  ['nl-ams-1', 'web-ams-2', 'production', 'PRO2-XS', 'running', 'noble', ['web'], []],
  ['nl-ams-1', 'api-ams', 'production', 'POP2-2C-8G', 'stopping', 'jammy', ['api'], []],
  ['nl-ams-1', 'backup-store', 'default', 'DEV1-L', 'stopped', 'bookworm', ['backup'], []],
  ['nl-ams-1', 'vpn', 'default', 'DEV1-S', 'running', 'bookworm', ['network'], ['v4']],
  ['nl-ams-2', 'analytics', 'staging', 'POP2-8C-32G', 'running', 'jammy', ['data'], []],
  ['nl-ams-2', 'ml-worker', 'staging', 'POP2-HC-8C-16G', 'stopped', 'noble', ['data', 'gpu-less'], []],
  ['nl-ams-2', 'test-runner', 'default', 'PLAY2-MICRO', 'stopped in place', 'noble', ['ci'], []],
  ['pl-waw-1', 'web-waw', 'production', 'PRO2-XXS', 'running', 'noble', ['web'], ['v4']],
  ['pl-waw-1', 'mail', 'default', 'DEV1-S', 'running', 'bookworm', ['mail'], ['v4', 'v6']],
  ['pl-waw-1', 'dev-box', 'default', 'DEV1-M', 'stopped', 'noble', ['dev'], []],
  ['pl-waw-1', 'build-runner', 'default', 'POP2-HC-2C-4G', 'starting', 'noble', ['ci'], []],
  ['pl-waw-2', 'game-server', 'default', 'PLAY2-MICRO', 'running', 'noble', ['game'], ['v4']],
  ['pl-waw-2', 'archive', 'staging', 'DEV1-S', 'stopped', 'bookworm', [], []],
  ['it-mil-1', 'edge-mil', 'production', 'POP2-2C-8G', 'running', 'noble', ['edge'], ['v4']],
  ['it-mil-1', 'test-mil', 'staging', 'PLAY2-PICO', 'stopping', 'noble', [], []],
]

const SEED_ZONES: Zone[] = ['fr-par-1', 'fr-par-2', 'fr-par-3', 'nl-ams-1', 'nl-ams-2', 'pl-waw-1', 'pl-waw-2', 'it-mil-1']
const PROJECT_KEYS = ['default', 'production', 'staging'] as const
const projectIdFor = (key: 'default' | 'production' | 'staging'): string =>
  key === 'default' ? DEFAULT_PROJECT_ID : key === 'production' ? PRODUCTION_PROJECT_ID : STAGING_PROJECT_ID

/** Root volume sizes that differ from the default (bytes). */
const ROOT_SIZES: Record<string, number> = {
  'db-primary': 50_000_000_000, 'db-replica': 50_000_000_000, 'backup-store': 100_000_000_000,
}

export const newStore = (serverQuota = DEFAULT_QUOTA): Store => ({
  organizationId: ORGANIZATION_ID,
  projects: new Map(),
  users: new Map(),
  applications: new Map(),
  apiKeys: new Map(),
  secrets: new Map(),
  policies: new Map(),
  rules: new Map(),
  zones: new Map(ZONES.map((z) => [z, emptyZone()])),
  transitioning: new Set(),
  attaching: new Set(),
  creating: new Set(),
  vpcs: new Map(),
  privateNetworks: new Map(),
  ipamIps: new Map(),
  groups: new Map(),
  sshKeys: new Map(),
  serverQuota,
  nextIp: 0,
})

const seedAccountAndIam = (store: Store): void => {
  const org = store.organizationId
  const projects: [string, string, string, number][] = [
    [DEFAULT_PROJECT_ID, 'default', '', 0],
    [PRODUCTION_PROJECT_ID, 'production', 'Customer-facing workloads', 1],
    [STAGING_PROJECT_ID, 'staging', 'Pre-production and experiments', 2],
  ]
  for (const [id, name, description, i] of projects) {
    const at = SEED_EPOCH - 30 * 24 * HOUR + i * HOUR
    store.projects.set(id, { id, name, description, organizationId: org, createdAt: at, updatedAt: at })
  }
  const users: [string, string, string, string, 'owner' | 'member', string[]][] = [
    [USER_ADMIN_ID, 'admin@demo.example', 'Ada', 'Admin', 'owner', ['ops']],
    [USER_READONLY_ID, 'readonly@demo.example', 'Rene', 'Reader', 'member', ['audit']],
    [USER_FORMER_ID, 'former-contractor@demo.example', 'Fran', 'Former', 'member', ['contractor']],
  ]
  users.forEach(([id, email, firstName, lastName, type, tags], i) => {
    const at = SEED_EPOCH - 29 * 24 * HOUR + i * HOUR
    store.users.set(id, {
      id, email, username: email, firstName, lastName, type, organizationId: org,
      createdAt: at, updatedAt: at, lastLoginAt: i === 2 ? null : SEED_EPOCH + 24 * HOUR, mfa: i === 0, tags,
    })
  })
  const groups: [string, string, string, string[], string[]][] = [
    [OPERATORS_GROUP_ID, 'Operators', 'People who run production and staging', [USER_ADMIN_ID], ['ops']],
    [AUDITORS_GROUP_ID, 'Auditors', 'Read access for audits', [USER_READONLY_ID, USER_FORMER_ID], ['audit']],
  ]
  groups.forEach(([id, name, description, userIds, tags], i) => {
    const at = SEED_EPOCH - 28 * 24 * HOUR + (i + 1) * HOUR
    store.groups.set(id, { id, name, description, organizationId: org, userIds, applicationIds: [], tags, createdAt: at, updatedAt: at })
  })
  store.applications.set(APPLICATION_ID, {
    id: APPLICATION_ID, name: 'instances-automation', description: 'CI pipeline managing Instances in the default project',
    organizationId: org, createdAt: SEED_EPOCH - 28 * 24 * HOUR, updatedAt: SEED_EPOCH - 28 * 24 * HOUR, tags: ['ci'],
  })

  // Group policies grant nothing their members do not already have: they show the group path, not new rights.
  const policies: [string, string, string, NonNullable<Principal>, string[], string[] | null, string[]][] = [
    ['admin', 'Administrators', 'Full access to every product of the organization', { userId: USER_ADMIN_ID }, ['AllProductsFullAccess'], null, ['admin']],
    ['readonly', 'Read-only', 'Read access to every product of the organization', { userId: USER_READONLY_ID }, ['AllProductsReadOnly'], null, ['audit']],
    ['former', 'Former contractor', 'Kept for audit; the key has expired', { userId: USER_FORMER_ID }, ['AllProductsFullAccess'], null, ['contractor']],
    ['application', 'Instances automation', 'Instances in the default project only', { applicationId: APPLICATION_ID }, ['InstancesFullAccess'], [DEFAULT_PROJECT_ID], ['ci']],
    ['operators', 'Operators', 'Instances and Block Storage in production and staging', { groupId: OPERATORS_GROUP_ID }, ['InstancesFullAccess', 'BlockStorageFullAccess'], [PRODUCTION_PROJECT_ID, STAGING_PROJECT_ID], ['ops']],
    ['auditors', 'Auditors', 'Read IAM and the list of projects', { groupId: AUDITORS_GROUP_ID }, ['IAMReadOnly', 'ProjectReadOnly'], null, ['audit']],
  ]
  policies.forEach(([key, name, description, principal, sets, projectIds, tags], i) => {
    const id = uuidFrom(`policy:${key}`)
    const at = SEED_EPOCH - 27 * 24 * HOUR + i * HOUR
    store.policies.set(id, {
      id, name, description, organizationId: org, createdAt: at, updatedAt: at,
      editable: true, deletable: true, managed: false, tags, principal,
    })
    const ruleId = uuidFrom(`rule:${key}`)
    store.rules.set(ruleId, { id: ruleId, policyId: id, permissionSetNames: sets, projectIds, condition: '' })
  })

  const bearers: ApiKey['bearer'][] = [
    { type: 'user', id: USER_ADMIN_ID },
    { type: 'user', id: USER_READONLY_ID },
    { type: 'user', id: USER_FORMER_ID },
    { type: 'application', id: APPLICATION_ID },
  ]
  DEMO_KEYS.forEach((k, i) => {
    const at = SEED_EPOCH - 26 * 24 * HOUR + i * HOUR
    const bearer = bearers[i] ?? bearers[0]!
    store.apiKeys.set(k.accessKey, {
      accessKey: k.accessKey, secretKey: k.secretKey, description: k.description, createdAt: at, updatedAt: at,
      expiresAt: k.label === 'expired' ? SEED_EPOCH - 2 * 24 * HOUR : k.label === 'admin' ? null : Date.UTC(2031, 0, 5),
      defaultProjectId: DEFAULT_PROJECT_ID, bearer, creationIp: '192.0.2.10',
      editable: true, deletable: true, managed: false,
    })
    store.secrets.set(k.secretKey, k.accessKey)
  })
}

const seedImages = (store: Store): void => {
  for (const zone of ZONES) {
    const data = store.zones.get(zone)!
    IMAGE_DEFS.forEach((def, i) => {
      const id = imageIdFor(zone, def.key)
      const at = SEED_EPOCH - 60 * 24 * HOUR + i * HOUR
      data.images.set(id, {
        id, name: def.name, zone, arch: def.arch, public: true,
        organization: PUBLIC_IMAGES_ORGANIZATION, project: PUBLIC_IMAGES_ORGANIZATION,
        rootVolume: {
          id: uuidFrom(`image-root:${zone}:${def.key}`),
          name: def.volumeType === 'l_ssd' ? def.name : '',
          volumeType: def.volumeType,
          size: def.volumeType === 'l_ssd' ? 10_000_000_000 : 0,
        },
        creationDate: at, modificationDate: at, fromServer: '', tags: [], label: def.label, marketplaceLabel: def.marketplaceLabel,
      })
    })
  }
  const privateId = uuidFrom('image:fr-par-1:web-golden')
  const at = SEED_EPOCH + 2 * HOUR
  store.zones.get('fr-par-1')!.images.set(privateId, {
    id: privateId, name: 'web-golden-2026-01', zone: 'fr-par-1', arch: 'x86_64', public: false,
    organization: ORGANIZATION_ID, project: DEFAULT_PROJECT_ID,
    rootVolume: { id: uuidFrom('snapshot:web-golden'), name: 'web-golden-root', volumeType: 'sbs_snapshot', size: 20_000_000_000 },
    creationDate: at, modificationDate: at, fromServer: '', tags: ['golden'], label: null, marketplaceLabel: null,
  })
}

const seedServer = (store: Store, index: number, spec: ServerSpec): void => {
  const [zone, name, projectKey, type, state, imageKey, tags, ips] = spec
  const data = zoneData(store, zone)
  const image = data.images.get(imageIdFor(zone, imageKey))!
  const id = uuidFrom(`server:${index}:${zone}:${name}`)
  const server = makeServer(store, {
    id, zone, name, project: projectIdFor(projectKey), organization: ORGANIZATION_ID, commercialType: type,
    image, tags: [...tags], state, at: SEED_EPOCH + index * 7 * HOUR + (index % 5) * 60_000,
    rootVolumeId: uuidFrom(`volume:${id}`), rootVolumeSize: ROOT_SIZES[name],
  })
  ips.forEach((kind, j) => {
    const ip = makeIp(store, {
      id: uuidFrom(`ip:${id}:${j}`), zone, project: server.project, organization: ORGANIZATION_ID,
      type: kind === 'v6' ? 'routed_ipv6' : 'routed_ipv4', tags: [],
    })
    ip.serverId = id
    server.ipIds.push(ip.id)
    addIp(store, ip)
  })
}

const MANY_STATES: ServerState[] = [
  'running', 'running', 'running', 'stopped', 'running', 'stopped in place', 'running', 'stopped', 'starting', 'running',
  'running', 'stopped', 'running', 'stopping', 'running', 'stopped', 'running', 'running', 'stopped', 'running',
]
const MANY_ROLES = ['web', 'api', 'worker', 'db', 'cache', 'batch', 'web', 'edge']
/** All in catalog.ts CORE, which every zone offers. */
const MANY_TYPES = ['DEV1-S', 'DEV1-M', 'PLAY2-NANO', 'PRO2-XS', 'POP2-2C-8G', 'PRO2-S', 'PRO2-XXS', 'POP2-4C-16G']

const seedMany = (store: Store, count: number): void => {
  const counters = new Map<Zone, number>()
  for (let i = 0; i < count; i++) {
    const zone = SEED_ZONES[i % SEED_ZONES.length]!
    const n = (counters.get(zone) ?? 0) + 1
    counters.set(zone, n)
    const role = MANY_ROLES[Math.floor(i / SEED_ZONES.length) % MANY_ROLES.length]!
    const imageKey = i % 11 === 0 ? 'bookworm' : i % 7 === 0 ? 'jammy' : 'noble'
    // Names repeat every 25 servers of a role, so several servers share a name.
    const spec: ServerSpec = [
      zone, `${role}-${(n % 25) + 1}`, PROJECT_KEYS[i % 3]!, MANY_TYPES[i % MANY_TYPES.length]!,
      MANY_STATES[i % MANY_STATES.length]!, imageKey, [role, `batch-${i % 10}`], i % 3 === 0 ? ['v4'] : [],
    ]
    const image = zoneData(store, zone).images.get(imageIdFor(zone, imageKey))!
    const id = uuidFrom(`server-many:${i}`)
    const server = makeServer(store, {
      id, zone, name: spec[1], project: projectIdFor(spec[2]), organization: ORGANIZATION_ID, commercialType: spec[3],
      image, tags: spec[6], state: spec[4], at: SEED_EPOCH + i * 60_000, rootVolumeId: uuidFrom(`volume-many:${i}`),
    })
    if (spec[7].length > 0) {
      const ip = makeIp(store, { id: uuidFrom(`ip-many:${i}`), zone, project: server.project, organization: ORGANIZATION_ID, type: 'routed_ipv4', tags: [] })
      ip.serverId = id
      server.ipIds.push(ip.id)
      addIp(store, ip)
    }
  }
}

const seedDetachedIps = (store: Store): void => {
  const specs: [Zone, string, string[], string | null][] = [
    ['fr-par-1', DEFAULT_PROJECT_ID, ['spare'], 'spare.demo.example'],
    ['fr-par-1', PRODUCTION_PROJECT_ID, ['failover'], null],
    ['nl-ams-1', PRODUCTION_PROJECT_ID, [], null],
  ]
  specs.forEach(([zone, project, tags, reverse], i) => {
    const ip = makeIp(store, { id: uuidFrom(`ip:detached:${i}`), zone, project, organization: ORGANIZATION_ID, type: 'routed_ipv4', tags })
    ip.reverse = reverse
    addIp(store, ip)
  })
}

/** db-primary's data volume (attached, slot "1") and a detached block volume left from an old server. */
const seedExtraVolumes = (store: Store): void => {
  const data = zoneData(store, 'fr-par-1')
  const primary = [...data.servers.values()].find((s) => s.name === 'db-primary')!
  const at = primary.creationDate + HOUR
  const dataVolume = makeBlockVolume({
    id: uuidFrom('volume:db-primary-data'), zone: 'fr-par-1', name: 'db-primary-data', projectId: primary.project,
    size: 100_000_000_000, perfIops: 15000, at, tags: ['postgres'],
  })
  data.blockVolumes.set(dataVolume.id, dataVolume)
  attachBlockVolume(primary, dataVolume, at)
  const old = makeBlockVolume({
    id: uuidFrom('volume:old-backups'), zone: 'fr-par-1', name: 'old-backups', projectId: DEFAULT_PROJECT_ID,
    size: 50_000_000_000, at: SEED_EPOCH - 20 * 24 * HOUR, tags: ['backup'],
  })
  old.lastDetachedAt = SEED_EPOCH - 10 * 24 * HOUR
  old.updatedAt = old.lastDetachedAt
  data.blockVolumes.set(old.id, old)
}

export const seedStore = (seedServers?: number): Store => {
  const store = newStore()
  seedAccountAndIam(store)
  seedImages(store)
  if (seedServers === undefined) {
    DEMO_SERVERS.forEach((spec, i) => seedServer(store, i, spec))
    seedDetachedIps(store)
    seedExtraVolumes(store)
  } else {
    seedMany(store, Math.max(0, Math.floor(seedServers)))
  }
  let largest = 0
  for (const data of store.zones.values()) {
    const perProject = new Map<string, number>()
    for (const s of data.servers.values()) perProject.set(s.project, (perProject.get(s.project) ?? 0) + 1)
    for (const c of perProject.values()) largest = Math.max(largest, c)
  }
  store.serverQuota = largest > DEFAULT_QUOTA / 2 ? largest + DEFAULT_QUOTA : DEFAULT_QUOTA
  return store
}
