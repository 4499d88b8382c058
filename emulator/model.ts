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
import type {
  BlockVolume, FlexibleIp, Image, InstanceVolume, IpType, SecurityGroup, Server, ServerState, Store, Zone, ZoneData,
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
  }
  data.securityGroups.set(id, group)
  return group
}

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
  data.servers.delete(server.id)
  store.transitioning.delete(server)
}
