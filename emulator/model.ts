/**
 * The Instance model: how servers, their root volumes, flexible IPs and default security groups are built, and what
 * deleting or terminating a server does to what it holds. Used by the seed and by the API handlers (the seed depends
 * on this module, never the reverse).
 *
 * Root volumes (as in the recordings):
 * - image with an `sbs_snapshot` root -> a Block Storage volume `<image name>_sbs_volume_0`, `sbs_5k`, 5000 IOPS,
 *   10 GB by default, `parent_snapshot_id` = the image's root snapshot, referenced by the server
 *   (`sequences/instance--server-basic.json`, interactions 4 and 7);
 * - image with an `l_ssd` root -> an Instance volume named like the image, sized to the type's
 *   `volumes_constraint.max_size` (at least 10 GB), e.g. 150 GB on GP1-XS (`instance_create_server_local_volume.json`).
 * DELETE of a server keeps its volumes (local ones become `available`, `server: null`; block ones lose their
 * reference) and its flexible IPs (detached). terminate deletes local volumes and detaches block ones
 * (`sequences/instance--server-root-volume-size.json` 39-40, `instance--server-basic.json` 99-101).
 */
import { SERVER_TYPES } from './catalog.ts'
import { ipv4For, ipv6PrefixFor, macFrom, uuidFrom } from './ids.ts'
import { createHash } from 'node:crypto'
import type {
  BlockVolume, FlexibleIp, Image, InstanceVolume, IpamIp, IpType, PrivateNetwork, PrivateNic, Region, SecurityGroup,
  SecurityGroupRule, Server, ServerState, Store, Vpc, Zone, ZoneData,
} from './store.ts'

const GB = 1_000_000_000
/** Size of an SBS root volume made from a public image snapshot when the request names none (recorded: 10 GB). */
export const DEFAULT_SBS_ROOT_SIZE = 10 * GB

/** state_detail of a server resting in a state (recordings: running servers read "booting kernel"). */
export const STABLE_STATE_DETAIL: Record<ServerState, string> = {
  running: 'booting kernel',
  stopped: '',
  'stopped in place': 'stopped in place',
  starting: 'provisioning node',
  stopping: 'stopping',
  locked: '',
}

export const zoneData = (store: Store, zone: Zone): ZoneData => store.zones.get(zone)!

export const defaultSecurityGroupId = (zone: Zone, project: string): string => uuidFrom(`security-group:${zone}:${project}`)

/** The project's "Default security group" in the zone, created on first use (as Scaleway does). */
export const ensureDefaultSecurityGroup = (store: Store, zone: Zone, project: string, organization: string, at: number): SecurityGroup => {
  const data = zoneData(store, zone)
  const id = defaultSecurityGroupId(zone, project)
  const existing = data.securityGroups.get(id)
  if (existing) return existing
  const group: SecurityGroup = {
    id,
    name: 'Default security group',
    description: null,
    project,
    organization,
    zone,
    stateful: true,
    inboundDefaultPolicy: 'accept',
    outboundDefaultPolicy: 'accept',
    projectDefault: true,
    organizationDefault: project === organization,
    enableDefaultSecurity: true,
    tags: [],
    creationDate: at,
    modificationDate: at,
    rules: [],
  }
  data.securityGroups.set(id, group)
  return group
}

/**
 * The rules Scaleway adds to a group with `enable_default_security`: outbound SMTP (25, 465, 587) dropped for IPv4
 * and IPv6, not editable, with these fixed ids (`sequences/instance--security-group-basic.json` 2).
 */
export const DEFAULT_SECURITY_RULES: readonly SecurityGroupRule[] = ['0.0.0.0/0', '::/0'].flatMap((ipRange, i) =>
  [25, 465, 587].map((port, j): SecurityGroupRule => ({
    id: `11111111-2222-4333-8444-00000000000${i * 3 + j + 1}`,
    protocol: 'TCP',
    direction: 'outbound',
    action: 'drop',
    ipRange,
    destIpRange: null,
    destPortFrom: port,
    destPortTo: null,
  })))

export const makeBlockVolume = (init: {
  id: string
  zone: Zone
  name: string
  projectId: string
  size: number
  at: number
  perfIops?: 5000 | 15000
  parentSnapshotId?: string | null
  tags?: string[]
}): BlockVolume => {
  const iops = init.perfIops ?? 5000
  return {
    id: init.id,
    name: init.name,
    type: iops === 15000 ? 'sbs_15k' : 'sbs_5k',
    perfIops: iops,
    size: init.size,
    projectId: init.projectId,
    zone: init.zone,
    createdAt: init.at,
    updatedAt: init.at,
    reference: null,
    parentSnapshotId: init.parentSnapshotId ?? null,
    tags: init.tags ?? [],
    lastDetachedAt: null,
    creatingSince: null,
  }
}

/** Attaches a stored block volume to a server in the next volume slot. */
export const attachBlockVolume = (server: Server, volume: BlockVolume, at: number): void => {
  volume.reference = { id: uuidFrom(`reference:${volume.id}:${server.id}`), serverId: server.id, createdAt: at }
  volume.updatedAt = at
  server.volumeIds.push(volume.id)
}

export interface ServerInit {
  id: string
  zone: Zone
  name: string
  project: string
  organization: string
  commercialType: string
  image: Image
  tags: string[]
  state: ServerState
  at: number
  rootVolumeId: string
  /** Root volume size in bytes; defaults as described at the top of this file. */
  rootVolumeSize?: number
  dynamicIpRequired?: boolean
  enableIpv6?: boolean
  bootType?: string
  protected?: boolean
}

/**
 * Builds a server and adds it to the store with its root volume (in the Instance or the Block store, after the image)
 * and its project's default security group.
 */
export const makeServer = (store: Store, init: ServerInit): Server => {
  const data = zoneData(store, init.zone)
  const type = SERVER_TYPES.get(init.commercialType)
  const group = ensureDefaultSecurityGroup(store, init.zone, init.project, init.organization, init.at)
  const server: Server = {
    id: init.id,
    name: init.name,
    hostname: init.name,
    zone: init.zone,
    project: init.project,
    organization: init.organization,
    commercialType: init.commercialType,
    arch: type?.arch ?? init.image.arch,
    imageId: init.image.id,
    tags: init.tags,
    state: init.state,
    stateDetail: STABLE_STATE_DETAIL[init.state],
    creationDate: init.at,
    modificationDate: init.at,
    macAddress: macFrom(init.id),
    volumeIds: [],
    ipIds: [],
    dynamicIpRequired: init.dynamicIpRequired ?? false,
    routedIpEnabled: true,
    enableIpv6: init.enableIpv6 ?? false,
    protected: init.protected ?? false,
    bootType: init.bootType ?? 'local',
    securityGroupId: group.id,
    placementGroupId: null,
    dynamicIp: null,
    userData: new Map(),
    transition: null,
  }
  data.servers.set(server.id, server)
  if (init.image.rootVolume.volumeType === 'l_ssd') {
    const volume: InstanceVolume = {
      id: init.rootVolumeId,
      name: init.image.name,
      volumeType: 'l_ssd',
      size: init.rootVolumeSize ?? Math.max(type?.volumesMaxSize ?? 0, 10 * GB),
      project: init.project,
      organization: init.organization,
      zone: init.zone,
      serverId: server.id,
      tags: [],
      creationDate: init.at,
      modificationDate: init.at,
    }
    data.volumes.set(volume.id, volume)
    server.volumeIds.push(volume.id)
  } else {
    const volume = makeBlockVolume({
      id: init.rootVolumeId, zone: init.zone, name: `${init.image.name}_sbs_volume_0`, projectId: init.project,
      size: init.rootVolumeSize ?? DEFAULT_SBS_ROOT_SIZE, at: init.at, parentSnapshotId: init.image.rootVolume.id,
    })
    data.blockVolumes.set(volume.id, volume)
    attachBlockVolume(server, volume, init.at)
  }
  return server
}

/**
 * Gives the server its dynamic IPv4 when it requires one, is not stopped and has no flexible IP (`pending` first, as
 * recorded in `sequences/instance--server-with-reserved-ip.json` 89), or takes it back when it no longer needs it.
 * Modelled: a dynamic IP is only given when `dynamic_ip_required` is set on a running server (the recorded case).
 */
export const ensureDynamicIp = (store: Store, server: Server, at: number): void => {
  const wants = server.dynamicIpRequired && server.ipIds.length === 0 && server.state !== 'stopped'
  if (wants && server.dynamicIp === null) {
    const n = store.nextIp++
    server.dynamicIp = { id: uuidFrom(`dynamic-ip:${server.id}:${n}`), address: ipv4For(n), creatingSince: at }
    store.creating.add(server.dynamicIp)
  } else if (!wants && server.dynamicIp !== null) {
    store.creating.delete(server.dynamicIp)
    server.dynamicIp = null
  }
}

/** Attaches a stored Instance (local) or Block volume to a server in the next volume slot. */
export const attachVolume = (store: Store, server: Server, volumeId: string, at: number): void => {
  const data = zoneData(store, server.zone)
  const local = data.volumes.get(volumeId)
  if (local) {
    local.serverId = server.id
    local.modificationDate = at
    server.volumeIds.push(local.id)
    return
  }
  const block = data.blockVolumes.get(volumeId)
  if (block) attachBlockVolume(server, block, at)
}

/** Detaches a volume from its server: a local one keeps living (`server: null`), a Block one becomes `available`. */
export const detachVolume = (store: Store, server: Server, volumeId: string, at: number): void => {
  const data = zoneData(store, server.zone)
  server.volumeIds = server.volumeIds.filter((id) => id !== volumeId)
  const local = data.volumes.get(volumeId)
  if (local) {
    local.serverId = null
    local.modificationDate = at
  }
  const block = data.blockVolumes.get(volumeId)
  if (block) {
    block.reference = null
    block.lastDetachedAt = at
    block.updatedAt = at
  }
}

/** Size of a server's root volume (0 if it has none). */
export const rootVolumeSize = (store: Store, server: Server): number => {
  const data = zoneData(store, server.zone)
  const id = server.volumeIds[0]
  if (id === undefined) return 0
  return data.volumes.get(id)?.size ?? data.blockVolumes.get(id)?.size ?? 0
}

/**
 * Allocates a new flexible IP record (address or /64 prefix from the store counter); `addIp` stores it.
 * A routed IPv4 has an `address` and `prefix: null`; a routed IPv6 has `address: null` and a `/64` prefix
 * (`sequences/instance--ip-routed-ipv6-attached.json` 0 and 18).
 */
export const makeIp = (store: Store, init: { id: string; zone: Zone; project: string; organization: string; type: IpType; tags: string[] }): FlexibleIp => {
  const n = store.nextIp++
  const v6 = init.type === 'routed_ipv6'
  return {
    id: init.id,
    address: v6 ? null : ipv4For(n),
    prefix: v6 ? ipv6PrefixFor(n) : null,
    reverse: null,
    serverId: null,
    attachingSince: null,
    project: init.project,
    organization: init.organization,
    zone: init.zone,
    type: init.type,
    tags: init.tags,
    ipamId: uuidFrom(`ipam:${init.id}`),
  }
}

/** Stores an IP; an IPv4 is also found by its address (`/ips/51.158.64.2`). */
export const addIp = (store: Store, ip: FlexibleIp): void => {
  const data = zoneData(store, ip.zone)
  data.ips.set(ip.id, ip)
  if (ip.address !== null) data.ipByAddress.set(ip.address, ip.id)
}

/** Removes an IP from the store (detaching it first). */
export const removeIp = (store: Store, ip: FlexibleIp): void => {
  const data = zoneData(store, ip.zone)
  linkIp(store, ip, null)
  data.ips.delete(ip.id)
  if (ip.address !== null) data.ipByAddress.delete(ip.address)
}

/**
 * Links a flexible IP to `server` (or unlinks it with null), `attached` at once: any `pending` attach is dropped.
 * The API's attach, which may go through `pending`, is state-machine.ts `attachFlexibleIp`.
 */
export const linkIp = (store: Store, ip: FlexibleIp, server: Server | null): void => {
  const data = zoneData(store, ip.zone)
  if (ip.serverId) {
    const previous = data.servers.get(ip.serverId)
    if (previous) previous.ipIds = previous.ipIds.filter((id) => id !== ip.id)
  }
  ip.serverId = server ? server.id : null
  ip.attachingSince = null
  store.attaching.delete(ip)
  if (server && !server.ipIds.includes(ip.id)) server.ipIds.push(ip.id)
  // A flexible IP replaces the server's dynamic one.
  if (server?.dynamicIp) {
    store.creating.delete(server.dynamicIp)
    server.dynamicIp = null
  }
}

/**
 * Removes a server from the store. Its flexible IPs are detached and its block volumes released (`available`,
 * `last_detached_at` set); its local volumes are deleted on `terminate`, kept (`server: null`) on DELETE.
 */
export const removeServer = (store: Store, server: Server, now: number, how: 'delete' | 'terminate'): void => {
  const data = zoneData(store, server.zone)
  for (const ipId of server.ipIds) {
    const ip = data.ips.get(ipId)
    if (ip) {
      ip.serverId = null
      ip.attachingSince = null
      store.attaching.delete(ip)
    }
  }
  server.ipIds = []
  if (server.dynamicIp) store.creating.delete(server.dynamicIp)
  server.dynamicIp = null
  for (const volumeId of server.volumeIds) {
    const local = data.volumes.get(volumeId)
    if (local) {
      if (how === 'terminate') data.volumes.delete(volumeId)
      else {
        local.serverId = null
        local.modificationDate = now
      }
      continue
    }
    const block = data.blockVolumes.get(volumeId)
    if (block) {
      block.reference = null
      block.lastDetachedAt = now
      block.updatedAt = now
    }
  }
  server.volumeIds = []
  for (const nic of [...data.privateNics.values()]) if (nic.serverId === server.id) removePrivateNic(store, nic)
  data.servers.delete(server.id)
  store.transitioning.delete(server)
}

// ---------------------------------------------------------------------------------------------- private networks

/** fr-par-1 -> fr-par. */
export const regionOf = (zone: Zone): Region => zone.slice(0, zone.lastIndexOf('-')) as Region

const hashBytes = (name: string): Buffer => createHash('sha1').update(name).digest()

/** The project's default VPC in a region ("default", `is_default`), created on first use, as Scaleway does. */
export const ensureDefaultVpc = (store: Store, region: Region, projectId: string, at: number): Vpc => {
  const id = uuidFrom(`vpc:${region}:${projectId}`)
  const existing = store.vpcs.get(id)
  if (existing) return existing
  const vpc: Vpc = {
    id, name: 'default', projectId, organizationId: store.organizationId, region, isDefault: true, routingEnabled: true,
    tags: [], createdAt: at, updatedAt: at,
  }
  store.vpcs.set(id, vpc)
  return vpc
}

/**
 * A Private Network with its two subnets, as recorded (`sequences/instance--private-nic-basic.json` 6): an IPv4 /22
 * (`172.16.16.0/22`) and an IPv6 /64 in a ULA prefix (`fd5f:519c:6d46:2759::/64`), both derived from the network id.
 */
export const makePrivateNetwork = (store: Store, init: {
  id: string; name: string; projectId: string; region: Region; vpcId: string; tags: string[]; at: number
}): PrivateNetwork => {
  const h = hashBytes(`private-network:${init.id}`)
  const v4 = `172.${16 + (h[0]! % 16)}.${(h[1]! % 64) * 4}.0/22`
  const group = (i: number): string => ((h[i]! << 8) | h[i + 1]!).toString(16)
  const v6 = `fd${(h[2]! & 0xff).toString(16).padStart(2, '0')}:${group(3)}:${group(5)}:${group(7)}::/64`
  const network: PrivateNetwork = {
    id: init.id, name: init.name, projectId: init.projectId, organizationId: store.organizationId, region: init.region,
    vpcId: init.vpcId, dhcpEnabled: true, defaultRoutePropagationEnabled: false, tags: init.tags,
    createdAt: init.at, updatedAt: init.at,
    subnets: [v4, v6].map((subnet) => ({ id: uuidFrom(`subnet:${init.id}:${subnet}`), subnet, createdAt: init.at })),
  }
  store.privateNetworks.set(network.id, network)
  return network
}

/** The next free IPv4 of a /22 subnet (from .2, as recorded: `172.16.16.2/22`), with its prefix length. */
const nextIpv4 = (store: Store, subnetId: string, cidr: string): string => {
  const [base = '0.0.0.0', length = '22'] = cidr.split('/')
  const taken = new Set([...store.ipamIps.values()].filter((ip) => ip.subnetId === subnetId).map((ip) => ip.address))
  const octets = base.split('.').map(Number)
  const start = ((octets[0]! << 24) >>> 0) + (octets[1]! << 16) + (octets[2]! << 8) + octets[3]!
  for (let n = 2; ; n++) {
    const v = start + n
    const address = `${v >>> 24}.${(v >>> 16) & 0xff}.${(v >>> 8) & 0xff}.${v & 0xff}/${length}`
    if (!taken.has(address)) return address
  }
}

/** An IPv6 of a /64 subnet: the prefix + 64 bits derived from the NIC id (recorded: random-looking). */
const ipv6In = (cidr: string, nicId: string): string => {
  const h = hashBytes(`nic-ipv6:${nicId}`)
  const groups = [0, 2, 4, 6].map((i) => ((h[i]! << 8) | h[i + 1]!).toString(16))
  return `${cidr.replace(/::\/64$/, '')}:${groups.join(':')}/64`
}

/** `02:00:00:12:63:67`: the locally administered MAC of a private NIC, derived from its id. */
const nicMac = (id: string): string => {
  const h = id.replace(/-/g, '')
  return `02:00:00:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`
}

/**
 * Plugs `server` into a Private Network: a NIC (`attaching` until one transition has passed, as recorded) and its IPAM
 * addresses, one per subnet (IPv4 first), named after the server.
 */
export const attachPrivateNic = (store: Store, server: Server, network: PrivateNetwork, init: { id: string; tags: string[]; at: number }): PrivateNic => {
  const nic: PrivateNic = {
    id: init.id, serverId: server.id, privateNetworkId: network.id, projectId: server.project, zone: server.zone,
    macAddress: nicMac(init.id), tags: init.tags, ipIds: [], createdAt: init.at, updatedAt: init.at, creatingSince: init.at,
  }
  for (const subnet of network.subnets) {
    const v6 = subnet.subnet.includes(':')
    const ip: IpamIp = {
      id: uuidFrom(`ipam:${nic.id}:${subnet.id}`),
      address: v6 ? ipv6In(subnet.subnet, nic.id) : nextIpv4(store, subnet.id, subnet.subnet),
      isIpv6: v6, projectId: server.project, region: network.region, subnetId: subnet.id, privateNetworkId: network.id,
      resource: { type: 'instance_private_nic', id: nic.id, macAddress: nic.macAddress.toUpperCase(), name: server.name },
      tags: [], createdAt: init.at, updatedAt: init.at,
    }
    store.ipamIps.set(ip.id, ip)
    nic.ipIds.push(ip.id)
  }
  zoneData(store, server.zone).privateNics.set(nic.id, nic)
  store.creating.add(nic)
  return nic
}

/** Unplugs a NIC and releases its IPAM addresses. */
export const removePrivateNic = (store: Store, nic: PrivateNic): void => {
  for (const id of nic.ipIds) store.ipamIps.delete(id)
  zoneData(store, nic.zone).privateNics.delete(nic.id)
  store.creating.delete(nic)
}
