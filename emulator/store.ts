/** In-memory model of everything the emulator serves. Dates are epoch milliseconds. */

export const ZONES = [
  'fr-par-1', 'fr-par-2', 'fr-par-3',
  'nl-ams-1', 'nl-ams-2', 'nl-ams-3',
  'pl-waw-1', 'pl-waw-2', 'pl-waw-3',
  'it-mil-1',
] as const
export type Zone = (typeof ZONES)[number]
export const isZone = (value: string): value is Zone => (ZONES as readonly string[]).includes(value)

export type ServerState = 'running' | 'stopped' | 'stopped in place' | 'starting' | 'stopping' | 'locked'
export const SERVER_STATES: readonly ServerState[] = ['running', 'stopped', 'stopped in place', 'starting', 'stopping', 'locked']

export type ServerAction = 'poweron' | 'poweroff' | 'stop_in_place' | 'reboot' | 'terminate' | 'backup' | 'enable_routed_ip'
export type TransitionKind = 'poweron' | 'poweroff' | 'reboot' | 'stop_in_place' | 'terminate'

export interface Transition {
  kind: TransitionKind
  startedAt: number
}

/** An Instance API volume (local SSD), served by /instance/v1/zones/{zone}/volumes. */
export interface InstanceVolume {
  id: string
  name: string
  volumeType: 'l_ssd' | 'scratch'
  size: number
  project: string
  organization: string
  zone: Zone
  /** Attached server, or null (state `available`, `server: null`). */
  serverId: string | null
  tags: string[]
  creationDate: number
  modificationDate: number
}

/** A Block Storage (SBS) volume, served by /block/v1/zones/{zone}/volumes; servers show it as `sbs_volume`. */
export interface BlockVolume {
  id: string
  name: string
  type: 'sbs_5k' | 'sbs_15k'
  perfIops: number
  size: number
  projectId: string
  zone: Zone
  createdAt: number
  updatedAt: number
  /** The `instance_server` reference while attached (status `in_use`); null when available. */
  reference: { id: string; serverId: string; createdAt: number } | null
  parentSnapshotId: string | null
  tags: string[]
  lastDetachedAt: number | null
  /** While it is being created (status `creating`): since when; null once `available` (settled like servers). */
  creatingSince: number | null
}

/** Something that becomes ready one transition after `creatingSince` (instance/state-machine.ts settleAll). */
export interface Settling {
  creatingSince: number | null
}

/** A Block Storage snapshot of a Block volume, served by /block/v1/zones/{zone}/snapshots. */
export interface BlockSnapshot {
  id: string
  name: string
  parentVolume: { id: string; name: string; type: BlockVolume['type'] } | null
  size: number
  projectId: string
  zone: Zone
  createdAt: number
  updatedAt: number
  tags: string[]
  /** While it is being created (status `creating`), since when; null once `available`. */
  creatingSince: number | null
}

export type SecurityPolicy = 'accept' | 'drop'

/** A rule a user set on a security group (the default outbound SMTP drops are derived, see model.ts). */
export interface SecurityGroupRule {
  id: string
  protocol: 'TCP' | 'UDP' | 'ICMP' | 'ANY'
  direction: 'inbound' | 'outbound'
  action: SecurityPolicy
  ipRange: string
  destIpRange: string | null
  destPortFrom: number | null
  destPortTo: number | null
}

export interface SecurityGroup {
  id: string
  name: string
  description: string | null
  project: string
  organization: string
  zone: Zone
  stateful: boolean
  inboundDefaultPolicy: SecurityPolicy
  outboundDefaultPolicy: SecurityPolicy
  projectDefault: boolean
  organizationDefault: boolean
  enableDefaultSecurity: boolean
  tags: string[]
  creationDate: number
  modificationDate: number
  /** The user's rules, in position order. */
  rules: SecurityGroupRule[]
}

export interface PlacementGroup {
  id: string
  name: string
  project: string
  organization: string
  zone: Zone
  policyMode: 'optional' | 'enforced'
  policyType: 'max_availability' | 'low_latency'
  tags: string[]
  createdAt: number
  updatedAt: number
}

/** A server's interface in a VPC Private Network (Instance v1 `private_nics`, v2alpha1 private-network-interfaces). */
export interface PrivateNic {
  id: string
  serverId: string
  privateNetworkId: string
  projectId: string
  zone: Zone
  macAddress: string
  tags: string[]
  /** The IPAM IPs (store.ipamIps) it holds. */
  ipIds: string[]
  createdAt: number
  updatedAt: number
  /** While it is `attaching` (v2alpha1 `status`; v1 `state: "syncing"`), since when; null once `available`. */
  creatingSince: number | null
}

export interface Server {
  id: string
  name: string
  hostname: string
  zone: Zone
  project: string
  organization: string
  commercialType: string
  arch: string
  imageId: string
  tags: string[]
  state: ServerState
  stateDetail: string
  creationDate: number
  modificationDate: number
  macAddress: string
  /** Volume ids in slot order ("0" is the root volume): each is in the zone's `volumes` or `blockVolumes`. */
  volumeIds: string[]
  /** Flexible IP ids attached to this server, in attach order. */
  ipIds: string[]
  dynamicIpRequired: boolean
  routedIpEnabled: boolean
  enableIpv6: boolean
  protected: boolean
  bootType: string
  securityGroupId: string
  placementGroupId: string | null
  /**
   * The dynamic IPv4 Scaleway gives a running server that requires one (`dynamic_ip_required`) and has no flexible IP:
   * listed in its `public_ips` with `dynamic: true`, never in GET /ips (model.ts ensureDynamicIp).
   */
  dynamicIp: DynamicIp | null
  /** user_data keys and their (text) values, in the order they were set. */
  userData: Map<string, string>
  transition: Transition | null
}

export interface DynamicIp {
  id: string
  address: string
  /** `pending` until one transition has passed (settled with the servers). */
  creatingSince: number | null
}

export type IpType = 'routed_ipv4' | 'routed_ipv6'

export interface FlexibleIp {
  id: string
  /** The IPv4 address; null for a routed IPv6, which is a /64 `prefix` (as recorded). */
  address: string | null
  /** The routed IPv6 /64 (`2001:bc8:710:4001::/64`); null for an IPv4. */
  prefix: string | null
  /** Custom reverse DNS name; null = the default (recorded as `reverse: null`). */
  reverse: string | null
  serverId: string | null
  /**
   * When the attach to `serverId` started, while it is still `pending`; null once `attached` (or detached).
   * Settled against the emulator clock like server transitions (instance/state-machine.ts).
   */
  attachingSince: number | null
  project: string
  organization: string
  zone: Zone
  type: IpType
  tags: string[]
  ipamId: string
}

export interface Image {
  id: string
  name: string
  zone: Zone
  arch: string
  public: boolean
  organization: string
  project: string
  rootVolume: { id: string; name: string; volumeType: 'sbs_snapshot' | 'l_ssd'; size: number }
  creationDate: number
  modificationDate: number
  fromServer: string
  tags: string[]
  /** Marketplace-like label accepted by POST /servers in place of the UUID (emulator convenience). */
  label: string | null
  /** The Marketplace label it is listed under (marketplace.ts), null for private images. */
  marketplaceLabel: string | null
}

export interface Project {
  id: string
  name: string
  description: string
  organizationId: string
  createdAt: number
  updatedAt: number
}

export interface User {
  id: string
  email: string
  username: string
  firstName: string
  lastName: string
  type: 'owner' | 'member'
  organizationId: string
  createdAt: number
  updatedAt: number
  lastLoginAt: number | null
  mfa: boolean
  tags: string[]
}

export interface Application {
  id: string
  name: string
  description: string
  organizationId: string
  createdAt: number
  updatedAt: number
  tags: string[]
}

export type Bearer = { type: 'user'; id: string } | { type: 'application'; id: string }

export interface ApiKey {
  accessKey: string
  secretKey: string
  description: string
  createdAt: number
  updatedAt: number
  expiresAt: number | null
  defaultProjectId: string
  bearer: Bearer
  creationIp: string
  editable: boolean
  deletable: boolean
  managed: boolean
}

/** Who a policy applies to: a user, an application, a group (its members), or nobody (`no_principal`). */
export type Principal = { userId: string } | { applicationId: string } | { groupId: string } | null

export interface Policy {
  id: string
  name: string
  description: string
  organizationId: string
  createdAt: number
  updatedAt: number
  editable: boolean
  deletable: boolean
  managed: boolean
  tags: string[]
  principal: Principal
}

export interface Rule {
  id: string
  policyId: string
  permissionSetNames: string[]
  /** `null` = organization scope; otherwise the project ids. */
  projectIds: string[] | null
  condition: string
}

export interface ZoneData {
  servers: Map<string, Server>
  ips: Map<string, FlexibleIp>
  ipByAddress: Map<string, string>
  images: Map<string, Image>
  /** Instance (local SSD) volumes. */
  volumes: Map<string, InstanceVolume>
  /** Block Storage volumes. */
  blockVolumes: Map<string, BlockVolume>
  blockSnapshots: Map<string, BlockSnapshot>
  securityGroups: Map<string, SecurityGroup>
  placementGroups: Map<string, PlacementGroup>
  privateNics: Map<string, PrivateNic>
}

export const REGIONS = ['fr-par', 'nl-ams', 'pl-waw', 'it-mil'] as const
export type Region = (typeof REGIONS)[number]
export const isRegion = (value: string): value is Region => (REGIONS as readonly string[]).includes(value)

export interface Vpc {
  id: string
  name: string
  projectId: string
  organizationId: string
  region: Region
  isDefault: boolean
  routingEnabled: boolean
  tags: string[]
  createdAt: number
  updatedAt: number
}

export interface Subnet {
  id: string
  /** CIDR, e.g. 172.16.16.0/22 or fdfc:26c2:136f:b3d4::/64. */
  subnet: string
  createdAt: number
}

export interface PrivateNetwork {
  id: string
  name: string
  projectId: string
  organizationId: string
  region: Region
  vpcId: string
  subnets: Subnet[]
  dhcpEnabled: boolean
  defaultRoutePropagationEnabled: boolean
  tags: string[]
  createdAt: number
  updatedAt: number
}

/** An IPAM address booked in a Private Network subnet for a private NIC. */
export interface IpamIp {
  id: string
  /** With its prefix length, e.g. 172.16.16.2/22. */
  address: string
  isIpv6: boolean
  projectId: string
  region: Region
  subnetId: string
  privateNetworkId: string
  resource: { type: 'instance_private_nic'; id: string; macAddress: string; name: string } | null
  tags: string[]
  createdAt: number
  updatedAt: number
}

export interface Group {
  id: string
  name: string
  description: string
  organizationId: string
  userIds: string[]
  applicationIds: string[]
  tags: string[]
  createdAt: number
  updatedAt: number
}

export interface SshKey {
  id: string
  name: string
  publicKey: string
  fingerprint: string
  projectId: string
  organizationId: string
  disabled: boolean
  createdAt: number
  updatedAt: number
}

export interface Store {
  organizationId: string
  projects: Map<string, Project>
  users: Map<string, User>
  applications: Map<string, Application>
  apiKeys: Map<string, ApiKey>
  /** secret key -> access key */
  secrets: Map<string, string>
  policies: Map<string, Policy>
  rules: Map<string, Rule>
  zones: Map<Zone, ZoneData>
  /** Servers with a pending transition, so settling never scans every server. */
  transitioning: Set<Server>
  /** Flexible IPs whose attach is still `pending`, settled with the servers. */
  attaching: Set<FlexibleIp>
  /** Block volumes and snapshots still `creating`, private NICs still `attaching`: settled with the servers. */
  creating: Set<Settling>
  vpcs: Map<string, Vpc>
  privateNetworks: Map<string, PrivateNetwork>
  ipamIps: Map<string, IpamIp>
  /** IAM groups and SSH keys (iam-writes.ts). */
  groups: Map<string, Group>
  sshKeys: Map<string, SshKey>
  /** Max servers per (project, zone); see seed.ts for how it is chosen. */
  serverQuota: number
  /** Counter used to allocate IPv4 / IPv6 addresses for new flexible IPs. */
  nextIp: number
}

export const emptyZone = (): ZoneData => ({
  servers: new Map(), ips: new Map(), ipByAddress: new Map(), images: new Map(),
  volumes: new Map(), blockVolumes: new Map(), blockSnapshots: new Map(), securityGroups: new Map(),
  placementGroups: new Map(), privateNics: new Map(),
})
