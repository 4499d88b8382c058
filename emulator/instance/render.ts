/**
 * JSON shapes of the Instance resources (v1), key for key in the recorded order (Block Storage: ../block.ts).
 * Servers: `instance_get_server_*.json` and the server objects of `sequences/instance--server-basic.json`;
 * volumes: `sequences/instance--server-additional-volumes.json` (Instance `l_ssd`, the server's `volumes` map) and
 * `sequences/instance--server-basic.json` 7 / 100 (Block); security groups:
 * `sequences/instance--data-source-security-group-basic.json`; server types: `instance_list_server_types_*.json`;
 * placement groups and private NICs: `sequences/instance--placement-group-basic.json`,
 * `instance--data-source-servers-private-ips.json` 17.
 */
import { type ServerType } from '../catalog.ts'
import { instanceDate, ipv6Gateway, slaacAddress } from '../ids.ts'
import type {
  DynamicIp, FlexibleIp, Image, InstanceVolume, PlacementGroup, PrivateNic, SecurityGroup, Server, ServerState, Store,
} from '../store.ts'
import { ALLOWED_ACTIONS } from './state-machine.ts'

export type Rendered = Record<string, unknown>

export const renderImage = (image: Image): Rendered => ({
  id: image.id,
  name: image.name,
  organization: image.organization,
  project: image.project,
  root_volume: {
    volume_type: image.rootVolume.volumeType,
    id: image.rootVolume.id,
    size: image.rootVolume.size,
    name: image.rootVolume.name,
  },
  extra_volumes: {},
  public: image.public,
  arch: image.arch,
  creation_date: instanceDate(image.creationDate),
  modification_date: instanceDate(image.modificationDate),
  default_bootscript: null,
  from_server: image.fromServer,
  state: 'available',
  tags: image.tags,
  zone: image.zone,
})

/** `attached`, `pending` while an attach settles, or `detached` (state-machine.ts "Flexible IP attach"). */
const ipState = (ip: FlexibleIp, attached: boolean): 'attached' | 'pending' | 'detached' =>
  !attached ? 'detached' : ip.attachingSince !== null ? 'pending' : 'attached'

/**
 * A flexible IP as a server's `public_ips` entry. A routed IPv6 shows the server's SLAAC address in its /64, netmask
 * "64", family inet6, provisioning_mode slaac and a link-local gateway, all derived from the server's MAC
 * (`sequences/instance--ip-routed-ipv6-attached.json` 5); a routed IPv4 its address, "32", inet, dhcp, 62.210.0.1.
 */
const renderServerIp = (server: Server, ip: FlexibleIp): Rendered => {
  const prefix = ip.prefix
  const v6 = prefix !== null
  return {
    id: ip.id,
    address: v6 ? slaacAddress(prefix, server.macAddress) : ip.address,
    dynamic: false,
    gateway: v6 ? ipv6Gateway(server.macAddress) : '62.210.0.1',
    netmask: v6 ? '64' : '32',
    family: v6 ? 'inet6' : 'inet',
    provisioning_mode: v6 ? 'slaac' : 'dhcp',
    tags: ip.tags,
    state: ipState(ip, true),
    ipam_id: ip.ipamId,
  }
}

/** A server's dynamic IPv4 in its `public_ips`, as recorded (`sequences/instance--server-with-reserved-ip.json` 89). */
const renderDynamicIp = (ip: DynamicIp): Rendered => ({
  id: ip.id,
  address: ip.address,
  dynamic: true,
  gateway: '62.210.0.1',
  netmask: '32',
  family: 'inet',
  provisioning_mode: 'dhcp',
  tags: [],
  state: ip.creatingSince === null ? 'attached' : 'pending',
  ipam_id: ip.id,
})

const hasNode = (state: ServerState): boolean => state === 'running' || state === 'stopping' || state === 'stopped in place'

/** An Instance volume, alone (`{"volume": ...}`) or, with `boot`, as a slot of a server's `volumes`. */
export const renderInstanceVolume = (store: Store, volume: InstanceVolume, slot = false): Rendered => {
  const server = volume.serverId === null ? undefined : store.zones.get(volume.zone)!.servers.get(volume.serverId)
  return {
    ...(slot ? { boot: false } : {}),
    id: volume.id,
    name: volume.name,
    volume_type: volume.volumeType,
    export_uri: null,
    organization: volume.organization,
    project: volume.project,
    server: server ? { id: server.id, name: server.name } : null,
    size: volume.size,
    state: 'available',
    creation_date: instanceDate(volume.creationDate),
    modification_date: instanceDate(volume.modificationDate),
    tags: volume.tags,
    zone: volume.zone,
  }
}

/**
 * A server. `admin_password_encryption_ssh_key_id` (always null here) appears on about a fifth of the recorded server
 * objects, at random across endpoints (`instance_list_servers.json`, `sequences/instance--server-basic.json` 18):
 * a client must accept it, so it is always emitted. `private_nics` and `placement_group` are in their v1 shapes
 * (below); `public_ips` ends with the dynamic IP, if any.
 */
export const renderServer = (store: Store, server: Server): Rendered => {
  const data = store.zones.get(server.zone)!
  const image = data.images.get(server.imageId)
  const ips = server.ipIds.map((id) => data.ips.get(id)).filter((ip): ip is FlexibleIp => ip !== undefined)
  const firstV4 = ips.find((ip) => ip.type === 'routed_ipv4') ?? ips[0]
  const dynamic = server.dynamicIp === null ? null : renderDynamicIp(server.dynamicIp)
  const volumes: Rendered = {}
  server.volumeIds.forEach((id, i) => {
    const local = data.volumes.get(id)
    if (local) volumes[String(i)] = renderInstanceVolume(store, local, true)
    else if (data.blockVolumes.has(id)) volumes[String(i)] = { boot: false, volume_type: 'sbs_volume', id, state: 'available', zone: server.zone }
  })
  const h = server.id.replace(/-/g, '')
  const securityGroup = data.securityGroups.get(server.securityGroupId)
  const group = server.placementGroupId === null ? undefined : data.placementGroups.get(server.placementGroupId)
  return {
    id: server.id,
    name: server.name,
    arch: server.arch,
    commercial_type: server.commercialType,
    boot_type: server.bootType,
    organization: server.organization,
    project: server.project,
    hostname: server.hostname,
    image: image ? renderImage(image) : null,
    volumes,
    tags: server.tags,
    state: server.state,
    protected: server.protected,
    state_detail: server.stateDetail,
    public_ip: firstV4 ? renderServerIp(server, firstV4) : dynamic,
    public_ips: [...ips.map((ip) => renderServerIp(server, ip)), ...(dynamic ? [dynamic] : [])],
    mac_address: server.macAddress,
    routed_ip_enabled: server.routedIpEnabled,
    ipv6: null,
    extra_networks: [],
    dynamic_ip_required: server.dynamicIpRequired,
    enable_ipv6: server.enableIpv6,
    private_ip: null,
    creation_date: instanceDate(server.creationDate),
    modification_date: instanceDate(server.modificationDate),
    bootscript: null,
    security_group: { id: server.securityGroupId, name: securityGroup?.name ?? 'Default security group' },
    location: hasNode(server.state)
      ? {
        zone_id: server.zone,
        platform_id: String(10 + (parseInt(h.slice(0, 2), 16) % 8)),
        cluster_id: String(20 + (parseInt(h.slice(2, 4), 16) % 40)),
        hypervisor_id: String(1000 + (parseInt(h.slice(4, 7), 16) % 900)),
        node_id: String(parseInt(h.slice(7, 9), 16) % 64),
      }
      : null,
    maintenances: [],
    allowed_actions: ALLOWED_ACTIONS[server.state],
    placement_group: group === undefined ? null : renderPlacementGroupV1(group),
    private_nics: [...data.privateNics.values()].filter((n) => n.serverId === server.id).map(renderPrivateNicV1),
    zone: server.zone,
    filesystems: [],
    end_of_service: false,
    dns: `${server.id}.pub.instances.scw.cloud`,
    admin_password_encryption_ssh_key_id: null,
  }
}

/** A placement group, Instance v1 shape (also a server's `placement_group`). */
export const renderPlacementGroupV1 = (group: PlacementGroup): Record<string, unknown> => ({
  id: group.id,
  name: group.name,
  organization: group.organization,
  project: group.project,
  policy_mode: group.policyMode,
  policy_type: group.policyType,
  policy_respected: true,
  tags: group.tags,
  zone: group.zone,
})

/** A private NIC, Instance v1 shape (also a server's `private_nics` entries). */
export const renderPrivateNicV1 = (nic: PrivateNic): Record<string, unknown> => ({
  id: nic.id,
  private_network_id: nic.privateNetworkId,
  server_id: nic.serverId,
  mac_address: nic.macAddress,
  state: nic.creatingSince !== null ? 'syncing' : 'available',
  creation_date: instanceDate(nic.createdAt),
  modification_date: instanceDate(nic.updatedAt),
  zone: nic.zone,
  tags: nic.tags,
  ipam_ip_ids: nic.ipIds,
})

/** A flexible IP (`instance_get_ip.json`; routed IPv6: `address: null`, `prefix: "…::/64"`). */
export const renderIp = (store: Store, ip: FlexibleIp): Rendered => {
  const server = ip.serverId ? store.zones.get(ip.zone)!.servers.get(ip.serverId) : undefined
  return {
    id: ip.id,
    address: ip.address,
    prefix: ip.prefix,
    reverse: ip.reverse,
    server: server ? { id: server.id, name: server.name } : null,
    organization: ip.organization,
    project: ip.project,
    zone: ip.zone,
    type: ip.type,
    state: ipState(ip, server !== undefined),
    tags: ip.tags,
    ipam_id: ip.ipamId,
  }
}

/** A security group with the servers using it (`members`). */
export const renderSecurityGroup = (group: SecurityGroup, members: readonly Server[]): Rendered => ({
  id: group.id,
  creation_date: instanceDate(group.creationDate),
  modification_date: instanceDate(group.modificationDate),
  name: group.name,
  description: group.description,
  organization: group.organization,
  project: group.project,
  servers: members.map((s) => ({ id: s.id, name: s.name })),
  stateful: group.stateful,
  inbound_default_policy: group.inboundDefaultPolicy,
  outbound_default_policy: group.outboundDefaultPolicy,
  organization_default: group.organizationDefault,
  project_default: group.projectDefault,
  enable_default_security: group.enableDefaultSecurity,
  state: 'available',
  tags: group.tags,
  zone: group.zone,
})

export const renderServerType = (t: ServerType): Rendered => ({
  alt_names: t.altNames,
  arch: t.arch,
  ncpus: t.ncpus,
  ram: t.ram,
  gpu: t.gpu,
  gpu_info: t.gpuInfo === null
    ? null
    : { gpu_manufacturer: t.gpuInfo.manufacturer, gpu_name: t.gpuInfo.name, gpu_memory: t.gpuInfo.memory },
  mig_profile: null,
  volumes_constraint: { min_size: 0, max_size: t.volumesMaxSize },
  per_volume_constraint: { l_ssd: t.localSsd ? { min_size: 1_000_000_000, max_size: 800_000_000_000 } : { min_size: 0, max_size: 0 } },
  scratch_storage_max_size: t.scratchMaxSize,
  scratch_storage_max_volumes_count: t.scratchMaxVolumes,
  monthly_price: t.monthlyPrice,
  hourly_price: t.hourlyPrice,
  capabilities: {
    boot_types: ['local', 'rescue'],
    placement_groups: true,
    block_storage: true,
    hot_snapshots_local_volume: t.localSsd,
    private_network: 8,
    max_file_systems: t.maxFileSystems,
  },
  network: {
    ipv6_support: true,
    sum_internal_bandwidth: t.internalBandwidth,
    sum_internet_bandwidth: t.internetBandwidth,
    interfaces: [{ internal_bandwidth: t.internalBandwidth, internet_bandwidth: t.internetBandwidth }],
  },
  block_bandwidth: t.blockBandwidth,
  end_of_service: t.endOfService,
})
