/**
 * Instance API v1: servers (+ actions and their state machine), flexible IPs, images, products.
 *
 * State machine: an action stores `{kind, startedAt}` on the server; the visible state is computed lazily from the
 * emulator clock (`now()` + time offset) every time an Instance request is handled, so tests can advance time
 * without sleeping. Transitions last `transitionMs`:
 *   poweron        stopped | stopped in place -> starting (allocating node / provisioning node / starting) -> running
 *   poweroff       running | stopped in place -> stopping ("stopping") -> stopped
 *   reboot         running | stopped in place -> stopping then starting ("rebooting") -> running
 *   stop_in_place  starting | running | stopping -> stopping ("stopping in place") -> stopped in place
 *   terminate      running | stopped in place -> stopping ("terminating") -> deleted (its flexible IPs are detached)
 *   backup         any state allowing it: creates a private image at once (state available), task "instance_backup"
 *   enable_routed_ip  accepted as a no-op (every emulated server is already routed)
 * An action outside `allowed_actions`, and DELETE on a server that is not `stopped`, answer 409 transient_state.
 */
import { randomUUID } from 'node:crypto'
import { scopeAllows } from './auth.ts'
import {
  invalidArgument, invalidArguments, notFound, quotasExceeded, transientState, type ArgumentDetail,
} from './errors.ts'
import {
  bodyObject, type Ctx, json, noContent, optionalBool, optionalString, optionalTags, queryList, type Reply,
  requireAccess, type Route, scope,
} from './http.ts'
import { instanceDate, isUuid } from './ids.ts'
import { instancePageHeaders, parseInstancePage, slicePage } from './pagination.ts'
import { addIp, makeIp, makeServer, SERVER_TYPES } from './seed.ts'
import {
  type FlexibleIp, type Image, isZone, type Server, type ServerAction, type ServerState, SERVER_STATES, type Store,
  type TransitionKind, type Zone, type ZoneData,
} from './store.ts'

const ZERO_UUID = '00000000-0000-0000-0000-000000000000'

export const ALLOWED_ACTIONS: Record<ServerState, ServerAction[]> = {
  stopped: ['poweron', 'backup'],
  starting: ['stop_in_place', 'backup'],
  running: ['poweroff', 'terminate', 'reboot', 'stop_in_place', 'backup'],
  stopping: ['stop_in_place', 'backup'],
  'stopped in place': ['poweron', 'poweroff', 'terminate', 'reboot', 'backup'],
  locked: [],
}
const ACTIONS: ServerAction[] = ['poweron', 'poweroff', 'stop_in_place', 'reboot', 'terminate', 'backup', 'enable_routed_ip']

// ---------------------------------------------------------------------------------------------- state machine

const detachAll = (data: ZoneData, server: Server): void => {
  for (const ipId of server.ipIds) {
    const ip = data.ips.get(ipId)
    if (ip) ip.serverId = null
  }
  server.ipIds = []
}

/** Applies the lazily computed state of one server; returns false when the transition is over. */
const settle = (store: Store, server: Server, now: number, transitionMs: number): boolean => {
  const t = server.transition
  if (!t) return false
  const elapsed = Math.max(0, now - t.startedAt)
  const done = elapsed >= transitionMs
  const fraction = transitionMs <= 0 ? 1 : elapsed / transitionMs
  const set = (state: ServerState, detail: string): void => {
    server.state = state
    server.stateDetail = detail
  }
  switch (t.kind) {
    case 'poweron':
      if (done) set('running', 'booted')
      else set('starting', fraction < 1 / 3 ? 'allocating node' : fraction < 2 / 3 ? 'provisioning node' : 'starting')
      break
    case 'poweroff':
      if (done) set('stopped', '')
      else set('stopping', 'stopping')
      break
    case 'reboot':
      if (done) set('running', 'booted')
      else if (fraction < 0.5) set('stopping', 'rebooting')
      else set('starting', 'rebooting')
      break
    case 'stop_in_place':
      if (done) set('stopped in place', 'stopped in place')
      else set('stopping', 'stopping in place')
      break
    case 'terminate':
      if (done) {
        const data = store.zones.get(server.zone)!
        detachAll(data, server)
        data.servers.delete(server.id)
      } else set('stopping', 'terminating')
      break
  }
  if (done) {
    server.transition = null
    server.modificationDate = t.startedAt + transitionMs
  }
  return !done
}

export const settleAll = (store: Store, now: number, transitionMs: number): void => {
  for (const server of [...store.transitioning]) {
    if (!settle(store, server, now, transitionMs)) store.transitioning.delete(server)
  }
}

const startTransition = (ctx: Ctx, server: Server, kind: TransitionKind): void => {
  server.transition = { kind, startedAt: ctx.now }
  server.modificationDate = ctx.now
  ctx.store.transitioning.add(server)
  if (!settle(ctx.store, server, ctx.now, ctx.transitionMs)) ctx.store.transitioning.delete(server)
}

// ---------------------------------------------------------------------------------------------- rendering

const renderImage = (image: Image): Record<string, unknown> => ({
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

const renderServerIp = (ip: FlexibleIp): Record<string, unknown> => {
  const v6 = ip.type === 'routed_ipv6'
  return {
    id: ip.id,
    address: ip.address,
    dynamic: false,
    gateway: v6 ? 'fe80::ffff:ffff:ffff:ffff' : '62.210.0.1',
    netmask: v6 ? '64' : '32',
    family: v6 ? 'inet6' : 'inet',
    provisioning_mode: v6 ? 'slaac' : 'dhcp',
    tags: ip.tags,
    state: 'attached',
    ipam_id: ip.ipamId,
  }
}

const hasNode = (state: ServerState): boolean => state === 'running' || state === 'stopping' || state === 'stopped in place'

const renderServer = (store: Store, server: Server): Record<string, unknown> => {
  const data = store.zones.get(server.zone)!
  const image = data.images.get(server.imageId)
  const ips = server.ipIds.map((id) => data.ips.get(id)).filter((ip): ip is FlexibleIp => ip !== undefined)
  const publicIps = ips.map(renderServerIp)
  const firstV4 = ips.find((ip) => ip.type === 'routed_ipv4') ?? ips[0]
  const volumes: Record<string, unknown> = {}
  server.volumes.forEach((v, i) => {
    volumes[String(i)] = v.volumeType === 'sbs_volume'
      ? { boot: false, volume_type: 'sbs_volume', id: v.id, state: 'available', zone: server.zone }
      : {
        boot: false, id: v.id, name: v.name, volume_type: v.volumeType, export_uri: null,
        organization: server.organization, project: server.project, server: { id: server.id, name: server.name },
        size: v.size, state: 'available', creation_date: instanceDate(v.creationDate),
        modification_date: instanceDate(v.creationDate), tags: [], zone: server.zone,
      }
  })
  const h = server.id.replace(/-/g, '')
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
    public_ip: firstV4 ? renderServerIp(firstV4) : null,
    public_ips: publicIps,
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
    security_group: { id: server.securityGroupId, name: 'Default security group' },
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
    placement_group: null,
    private_nics: [],
    zone: server.zone,
    filesystems: [],
    end_of_service: false,
    admin_password_encryption_ssh_key_id: null,
  }
}

const renderIp = (store: Store, ip: FlexibleIp): Record<string, unknown> => {
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
    state: server ? 'attached' : 'detached',
    tags: ip.tags,
    ipam_id: ip.ipamId,
  }
}

// ---------------------------------------------------------------------------------------------- helpers

const zoneOf = (ctx: Ctx): { zone: Zone; data: ZoneData } => {
  const zone = ctx.params.zone ?? ''
  if (!isZone(zone)) {
    throw invalidArgument('zone', 'constraint', `unknown zone "${zone}": must be one of ${[...ctx.store.zones.keys()].join(', ')}`)
  }
  settleAll(ctx.store, ctx.now, ctx.transitionMs)
  return { zone, data: ctx.store.zones.get(zone)! }
}

const uuidQuery = (query: URLSearchParams, name: string): string | undefined => {
  const v = query.get(name)
  if (v === null || v === '') return undefined
  if (!isUuid(v)) throw invalidArgument(name, 'format', 'value must be a valid UUID')
  return v
}

const boolQuery = (query: URLSearchParams, name: string): boolean | undefined => {
  const v = query.get(name)
  if (v === null || v === '') return undefined
  if (v !== 'true' && v !== 'false') throw invalidArgument(name, 'format', 'value must be a boolean')
  return v === 'true'
}

const findServer = (ctx: Ctx, data: ZoneData, access: 'read' | 'write', action?: string): Server => {
  const id = ctx.params.id ?? ''
  const server = isUuid(id) ? data.servers.get(id) : undefined
  if (!server) throw notFound('instance_server', id)
  requireAccess(ctx, 'instance', access, 'server', server.project, action)
  return server
}

const findIp = (ctx: Ctx, data: ZoneData, access: 'read' | 'write', action?: string): FlexibleIp => {
  const key = ctx.params.ip ?? ''
  const id = isUuid(key) ? key : data.ipByAddress.get(key)
  const ip = id === undefined ? undefined : data.ips.get(id)
  if (!ip) throw notFound('instance_ip', isUuid(key) ? key : key.includes(':') ? `${key}/128` : `${key}/32`)
  requireAccess(ctx, 'instance', access, 'ip', ip.project, action)
  return ip
}

/** Resolves `project` / `organization` from a create body (project wins; organization alone = default project). */
const resolveProject = (ctx: Ctx, body: Record<string, unknown>, details: ArgumentDetail[]): string | undefined => {
  const project = body.project ?? body.project_id
  const organization = body.organization ?? body.organization_id
  if (project !== undefined && project !== null) {
    if (typeof project !== 'string' || !isUuid(project)) {
      details.push({ argument_name: 'project', reason: 'format', help_message: 'value must be a valid UUID' })
      return undefined
    }
    if (!ctx.store.projects.has(project)) {
      details.push({ argument_name: 'project', reason: 'constraint', help_message: `project ${project} does not exist` })
      return undefined
    }
    return project
  }
  if (organization !== undefined && organization !== null) {
    if (organization !== ctx.store.organizationId) {
      details.push({ argument_name: 'organization', reason: 'constraint', help_message: 'unknown organization' })
      return undefined
    }
    return ctx.store.organizationId
  }
  details.push({ argument_name: 'project', reason: 'required', help_message: 'required key not provided' })
  return undefined
}

const attachIp = (data: ZoneData, ip: FlexibleIp, server: Server | null): void => {
  if (ip.serverId) {
    const previous = data.servers.get(ip.serverId)
    if (previous) previous.ipIds = previous.ipIds.filter((id) => id !== ip.id)
  }
  ip.serverId = server ? server.id : null
  if (server && !server.ipIds.includes(ip.id)) server.ipIds.push(ip.id)
}

const FQDN_RE = /^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}\.?$/i

// ---------------------------------------------------------------------------------------------- servers

const listServers = (ctx: Ctx): Reply => {
  const { data } = zoneOf(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'server')
  const page = parseInstancePage(q)
  const order = q.get('order') ?? 'creation_date_desc'
  if (order !== 'creation_date_desc' && order !== 'creation_date_asc') {
    throw invalidArgument('order', 'constraint', 'value must be one of creation_date_desc, creation_date_asc')
  }
  const state = q.get('state') || undefined
  if (state !== undefined && !(SERVER_STATES as readonly string[]).includes(state)) {
    throw invalidArgument('state', 'constraint', `value must be one of ${SERVER_STATES.join(', ')}`)
  }
  const project = uuidQuery(q, 'project')
  const organization = uuidQuery(q, 'organization')
  const name = q.get('name')?.toLowerCase() || undefined
  const commercialType = q.get('commercial_type') || undefined
  const tags = queryList(q, 'tags')
  const ids = queryList(q, 'servers')
  for (const id of ids) if (!isUuid(id)) throw invalidArgument('servers', 'format', 'value must be a list of valid UUIDs')
  const withIp = q.get('with_ip') || undefined
  const withoutIp = boolQuery(q, 'without_ip')

  const matches: Server[] = []
  for (const s of data.servers.values()) {
    if (readScope !== 'all' && !readScope.has(s.project)) continue
    if (project && s.project !== project) continue
    if (organization && s.organization !== organization) continue
    if (state && s.state !== state) continue
    if (name && !s.name.toLowerCase().includes(name)) continue
    if (commercialType && s.commercialType !== commercialType) continue
    if (tags.length > 0 && !tags.every((t) => s.tags.includes(t))) continue
    if (ids.length > 0 && !ids.includes(s.id)) continue
    if (withoutIp === true && s.ipIds.length > 0) continue
    if (withoutIp === false && s.ipIds.length === 0) continue
    if (withIp && !s.ipIds.some((id) => data.ips.get(id)?.address === withIp)) continue
    matches.push(s)
  }
  // Map iteration order is creation order; ties on creation_date keep that order.
  matches.sort((a, b) => a.creationDate - b.creationDate)
  if (order === 'creation_date_desc') matches.reverse()
  const servers = slicePage(matches, page).map((s) => renderServer(ctx.store, s))
  return json({ servers }, 200, instancePageHeaders('/servers', q, page, matches.length))
}

const getServer = (ctx: Ctx): Reply => {
  const { data } = zoneOf(ctx)
  return json({ server: renderServer(ctx.store, findServer(ctx, data, 'read')) })
}

const createServer = (ctx: Ctx): Reply => {
  const { zone, data } = zoneOf(ctx)
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const commercialType = body.commercial_type
  if (commercialType === undefined || commercialType === null || commercialType === '') {
    details.push({ argument_name: 'commercial_type', reason: 'required', help_message: 'required key not provided' })
  } else if (typeof commercialType !== 'string') {
    details.push({ argument_name: 'commercial_type', reason: 'format', help_message: 'value must be a string' })
  }
  const imageRef = body.image
  if (imageRef === undefined || imageRef === null || imageRef === '') {
    details.push({ argument_name: 'image', reason: 'required', help_message: 'required key not provided' })
    if (body.volumes === undefined) details.push({ argument_name: 'volumes', reason: 'required', help_message: 'required key not provided' })
  } else if (typeof imageRef !== 'string') {
    details.push({ argument_name: 'image', reason: 'format', help_message: 'value must be a string' })
  }
  const name = body.name
  if (name !== undefined && name !== null && (typeof name !== 'string' || name.length > 255)) {
    details.push({ argument_name: 'name', reason: 'format', help_message: 'value must be a string of at most 255 characters' })
  }
  const project = resolveProject(ctx, body, details)
  if (details.length > 0) throw invalidArguments(details)
  const tags = optionalTags(body) ?? []
  const dynamicIpRequired = optionalBool(body, 'dynamic_ip_required')
  const enableIpv6 = optionalBool(body, 'enable_ipv6')
  const bootType = optionalString(body, 'boot_type')

  requireAccess(ctx, 'instance', 'write', 'server', project, 'write')

  const type = SERVER_TYPES.get(commercialType as string)
  if (!type) throw invalidArgument('commercial_type', 'constraint', `commercial type "${String(commercialType)}" is not available in ${zone}`)

  const ref = imageRef as string
  let image = isUuid(ref) ? data.images.get(ref) : undefined
  if (!image && !isUuid(ref)) image = [...data.images.values()].find((i) => i.label === ref)
  if (!image) {
    if (isUuid(ref)) throw notFound('instance_image', ref)
    throw invalidArgument('image', 'format', 'value must be a valid UUID or a known image label')
  }
  if (!image.public && !scopeAllows(scope(ctx, 'instance', 'read'), image.project)) throw notFound('instance_image', ref)
  if (image.arch !== type[1]) {
    throw invalidArgument('image', 'constraint', `image arch (${image.arch}) is not compatible with commercial type ${type[0]} (${type[1]})`)
  }

  const ipIds: string[] = []
  const publicIp = body.public_ip
  if (publicIp !== undefined && publicIp !== null) {
    if (typeof publicIp !== 'string') throw invalidArgument('public_ip', 'format', 'value must be a valid UUID')
    ipIds.push(publicIp)
  }
  const publicIps = body.public_ips
  if (publicIps !== undefined && publicIps !== null) {
    if (!Array.isArray(publicIps) || publicIps.some((v) => typeof v !== 'string')) {
      throw invalidArgument('public_ips', 'format', 'value must be an array of UUIDs')
    }
    ipIds.push(...(publicIps as string[]))
  }
  const ips = ipIds.map((id) => {
    const ip = isUuid(id) ? data.ips.get(id) : undefined
    if (!ip) throw notFound('instance_ip', id)
    return ip
  })

  let current = 0
  for (const s of data.servers.values()) if (s.project === project) current++
  if (current >= ctx.store.serverQuota) {
    throw quotasExceeded([{ resource: 'instances', quota: ctx.store.serverQuota, current, project_id: project }])
  }

  const id = randomUUID()
  const server = makeServer({
    id, zone, name: typeof name === 'string' && name !== '' ? name : `srv-${id.slice(0, 8)}`,
    project: project!, organization: ctx.store.organizationId, commercialType: type[0], image, tags,
    state: 'stopped', at: ctx.now, volumeId: randomUUID(), dynamicIpRequired: dynamicIpRequired ?? true,
    enableIpv6, bootType,
  })
  data.servers.set(id, server)
  for (const ip of ips) attachIp(data, ip, server)
  return json({ server: renderServer(ctx.store, server) }, 201, { Location: `${ctx.baseUrl}/instance/v1/zones/${zone}/servers/${id}` })
}

const updateServer = (ctx: Ctx): Reply => {
  const { zone, data } = zoneOf(ctx)
  const server = findServer(ctx, data, 'write')
  const body = bodyObject(ctx)
  const name = optionalString(body, 'name')
  if (name !== undefined && (name === '' || name.length > 255)) throw invalidArgument('name', 'constraint', 'value must be 1 to 255 characters long')
  const tags = optionalTags(body)
  const prot = optionalBool(body, 'protected')
  const dynamicIpRequired = optionalBool(body, 'dynamic_ip_required')
  const routedIpEnabled = optionalBool(body, 'routed_ip_enabled')
  const enableIpv6 = optionalBool(body, 'enable_ipv6')
  const bootType = optionalString(body, 'boot_type')
  const commercialType = optionalString(body, 'commercial_type')
  if (body.placement_group !== undefined && body.placement_group !== null) {
    const pg = body.placement_group
    if (typeof pg !== 'string' || !isUuid(pg)) throw invalidArgument('placement_group', 'constraint', 'not a valid value')
    throw notFound('instance_placement_group', pg)
  }
  if (commercialType !== undefined && commercialType !== server.commercialType) {
    const type = SERVER_TYPES.get(commercialType)
    if (!type) throw invalidArgument('commercial_type', 'constraint', `commercial type "${commercialType}" is not available in ${zone}`)
    if (server.state !== 'stopped') throw transientState('instance_server', server.id, server.state)
    server.commercialType = type[0]
    server.arch = type[1]
  }
  if (name !== undefined) {
    server.name = name
    server.hostname = name.replace(/_/g, '-')
  }
  if (tags !== undefined) server.tags = tags
  if (prot !== undefined) server.protected = prot
  if (dynamicIpRequired !== undefined) server.dynamicIpRequired = dynamicIpRequired
  if (routedIpEnabled !== undefined) server.routedIpEnabled = routedIpEnabled
  if (enableIpv6 !== undefined) server.enableIpv6 = enableIpv6
  if (bootType !== undefined) server.bootType = bootType
  server.modificationDate = ctx.now
  return json({ server: renderServer(ctx.store, server) })
}

const deleteServer = (ctx: Ctx): Reply => {
  const { data } = zoneOf(ctx)
  const server = findServer(ctx, data, 'write', 'delete')
  if (server.state !== 'stopped') throw transientState('instance_server', server.id, server.state)
  detachAll(data, server)
  data.servers.delete(server.id)
  ctx.store.transitioning.delete(server)
  return noContent()
}

const listServerActions = (ctx: Ctx): Reply => {
  const { data } = zoneOf(ctx)
  return json({ actions: ALLOWED_ACTIONS[findServer(ctx, data, 'read').state] })
}

const serverAction = (ctx: Ctx): Reply => {
  const { zone, data } = zoneOf(ctx)
  const server = findServer(ctx, data, 'write')
  const body = bodyObject(ctx)
  const action = body.action ?? 'poweron'
  if (typeof action !== 'string' || !(ACTIONS as string[]).includes(action)) {
    throw invalidArgument('action', 'constraint', `value must be one of ${ACTIONS.join(', ')}`)
  }
  const act = action as ServerAction
  const task = {
    id: ZERO_UUID,
    description: 'fake task',
    status: 'pending',
    href_from: `/servers/${server.id}/action`,
    href_result: `/servers/${server.id}`,
    started_at: instanceDate(ctx.now),
    terminated_at: null,
    progress: 0,
    zone,
  }
  if (act !== 'enable_routed_ip' && !ALLOWED_ACTIONS[server.state].includes(act)) {
    throw transientState('instance_server', server.id, server.state)
  }
  if (act === 'backup') {
    const imageName = optionalString(body, 'name') ?? `${server.name}-${instanceDate(ctx.now).slice(0, 10)}`
    const imageId = randomUUID()
    data.images.set(imageId, {
      id: imageId, name: imageName, zone, arch: server.arch, public: false,
      organization: server.organization, project: server.project,
      rootVolume: { id: randomUUID(), name: `${imageName}-root`, volumeType: 'sbs_snapshot', size: server.volumes[0]?.size ?? 0 },
      creationDate: ctx.now, modificationDate: ctx.now, fromServer: server.id, tags: [], label: null,
    })
    task.id = randomUUID()
    task.description = 'instance_backup'
    task.href_result = `/images/${imageId}`
  } else if (act !== 'enable_routed_ip') {
    startTransition(ctx, server, act)
  }
  return json({ task }, 202, { Location: `${ctx.baseUrl}/instance/v1/zones/${zone}/tasks/${task.id}` })
}

// ---------------------------------------------------------------------------------------------- flexible IPs

const IP_TYPES = ['routed_ipv4', 'routed_ipv6'] as const

const listIps = (ctx: Ctx): Reply => {
  const { data } = zoneOf(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'ip')
  const page = parseInstancePage(q)
  const project = uuidQuery(q, 'project')
  const organization = uuidQuery(q, 'organization')
  const tags = queryList(q, 'tags')
  const name = q.get('name') || undefined
  const type = q.get('type') || undefined
  if (type !== undefined && !(IP_TYPES as readonly string[]).includes(type) && type !== 'nat') {
    throw invalidArgument('type', 'constraint', 'value must be one of routed_ipv4, routed_ipv6, nat')
  }
  const attached = boolQuery(q, 'attached')
  const matches: FlexibleIp[] = []
  for (const ip of data.ips.values()) {
    if (readScope !== 'all' && !readScope.has(ip.project)) continue
    if (project && ip.project !== project) continue
    if (organization && ip.organization !== organization) continue
    if (tags.length > 0 && !tags.every((t) => ip.tags.includes(t))) continue
    if (name && !ip.address.includes(name)) continue
    if (type && ip.type !== type) continue
    if (attached !== undefined && (ip.serverId !== null) !== attached) continue
    matches.push(ip)
  }
  const ips = slicePage(matches, page).map((ip) => renderIp(ctx.store, ip))
  return json({ ips }, 200, instancePageHeaders('/ips', q, page, matches.length))
}

const getIp = (ctx: Ctx): Reply => {
  const { data } = zoneOf(ctx)
  return json({ ip: renderIp(ctx.store, findIp(ctx, data, 'read')) })
}

const createIp = (ctx: Ctx): Reply => {
  const { zone, data } = zoneOf(ctx)
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const project = resolveProject(ctx, body, details)
  const type = body.type ?? 'routed_ipv4'
  if (typeof type !== 'string' || !(IP_TYPES as readonly string[]).includes(type)) {
    details.push({ argument_name: 'type', reason: 'constraint', help_message: 'value must be one of routed_ipv4, routed_ipv6' })
  }
  if (details.length > 0) throw invalidArguments(details)
  const tags = optionalTags(body) ?? []
  const serverId = optionalString(body, 'server')
  requireAccess(ctx, 'instance', 'write', 'ip', project)
  let server: Server | undefined
  if (serverId !== undefined) {
    server = isUuid(serverId) ? data.servers.get(serverId) : undefined
    if (!server) throw notFound('instance_server', serverId)
  }
  const ip = makeIp(ctx.store, {
    id: randomUUID(), zone, project: project!, organization: ctx.store.organizationId,
    type: type as FlexibleIp['type'], tags,
  })
  addIp(ctx.store, ip)
  if (server) attachIp(data, ip, server)
  return json({ ip: renderIp(ctx.store, ip) }, 201, { Location: `${ctx.baseUrl}/instance/v1/zones/${zone}/ips/${ip.id}` })
}

const updateIp = (ctx: Ctx): Reply => {
  const { data } = zoneOf(ctx)
  const ip = findIp(ctx, data, 'write')
  const body = bodyObject(ctx)
  const tags = optionalTags(body)
  let reverse: string | null | undefined
  if ('reverse' in body) {
    const r = body.reverse
    if (r === null || r === '') reverse = null
    else if (typeof r !== 'string') throw invalidArgument('reverse', 'format', 'value must be a string')
    else if (!FQDN_RE.test(r)) {
      throw invalidArgument('reverse', 'constraint',
        `Your reverse must resolve. Ensure the command 'dig +short ${r}' matches your IP address '${ip.address}'. If it does, please contact our support.`)
    } else reverse = r
  }
  let target: Server | null | undefined
  if ('server' in body) {
    const s = body.server
    if (s === null || s === '') target = null
    else if (typeof s !== 'string') throw invalidArgument('server', 'format', 'value must be a valid UUID')
    else {
      target = isUuid(s) ? data.servers.get(s) ?? undefined : undefined
      if (!target) throw notFound('instance_server', s)
      requireAccess(ctx, 'instance', 'write', 'server', target.project)
    }
  }
  if (tags !== undefined) ip.tags = tags
  if (reverse !== undefined) ip.reverse = reverse
  if (target !== undefined) attachIp(data, ip, target)
  return json({ ip: renderIp(ctx.store, ip) })
}

const deleteIp = (ctx: Ctx): Reply => {
  const { data } = zoneOf(ctx)
  const ip = findIp(ctx, data, 'write', 'delete')
  attachIp(data, ip, null)
  data.ips.delete(ip.id)
  data.ipByAddress.delete(ip.address)
  return noContent()
}

// ---------------------------------------------------------------------------------------------- images, products

const listImages = (ctx: Ctx): Reply => {
  const { data } = zoneOf(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'image')
  const page = parseInstancePage(q)
  const isPublic = boolQuery(q, 'public')
  const arch = q.get('arch') || undefined
  const name = q.get('name')?.toLowerCase() || undefined
  const project = uuidQuery(q, 'project')
  const organization = uuidQuery(q, 'organization')
  const tags = queryList(q, 'tags')
  const matches: Image[] = []
  for (const image of data.images.values()) {
    if (!image.public && readScope !== 'all' && !readScope.has(image.project)) continue
    if (isPublic !== undefined && image.public !== isPublic) continue
    if (arch && image.arch !== arch) continue
    if (name && !image.name.toLowerCase().includes(name)) continue
    if (project && image.project !== project) continue
    if (organization && image.organization !== organization) continue
    if (tags.length > 0 && !tags.every((t) => image.tags.includes(t))) continue
    matches.push(image)
  }
  const images = slicePage(matches, page).map(renderImage)
  return json({ images }, 200, instancePageHeaders('/images', q, page, matches.length))
}

const getImage = (ctx: Ctx): Reply => {
  const { data } = zoneOf(ctx)
  const id = ctx.params.id ?? ''
  const image = isUuid(id) ? data.images.get(id) : undefined
  if (!image) throw notFound('instance_image', id)
  if (!image.public) requireAccess(ctx, 'instance', 'read', 'image', image.project)
  return json({ image: renderImage(image) })
}

const TYPE_NAMES = [...SERVER_TYPES.keys()].sort()

/** Availability shown by /products/servers/availability (deterministic; a few types are scarce). */
const availabilityOf = (name: string): string =>
  name.startsWith('POP2-HN') ? 'scarce' : name === 'GP1-XL' ? 'shortage' : 'available'

const renderServerType = (name: string): Record<string, unknown> => {
  const r = SERVER_TYPES.get(name)!
  return {
    alt_names: [],
    arch: r[1],
    ncpus: r[2],
    ram: r[3],
    gpu: 0,
    gpu_info: null,
    mig_profile: null,
    volumes_constraint: { min_size: 0, max_size: r[6] },
    per_volume_constraint: { l_ssd: { min_size: r[7], max_size: r[8] } },
    scratch_storage_max_size: r[9],
    scratch_storage_max_volumes_count: r[10],
    monthly_price: r[5],
    hourly_price: r[4],
    capabilities: {
      boot_types: ['local', 'rescue'],
      placement_groups: true,
      block_storage: true,
      hot_snapshots_local_volume: r[11],
      private_network: 8,
      max_file_systems: r[12],
    },
    network: {
      ipv6_support: true,
      sum_internal_bandwidth: r[13],
      sum_internet_bandwidth: r[14],
      interfaces: [{ internal_bandwidth: r[13], internet_bandwidth: r[14] }],
    },
    block_bandwidth: r[15],
    end_of_service: false,
  }
}

const listServerTypes = (ctx: Ctx): Reply => {
  zoneOf(ctx)
  requireAccess(ctx, 'instance', 'read', 'server_type')
  const page = parseInstancePage(ctx.query)
  const servers: Record<string, unknown> = {}
  for (const name of slicePage(TYPE_NAMES, page)) servers[name] = renderServerType(name)
  return json({ servers }, 200, instancePageHeaders('/products/servers', ctx.query, page, TYPE_NAMES.length))
}

const serverTypesAvailability = (ctx: Ctx): Reply => {
  zoneOf(ctx)
  requireAccess(ctx, 'instance', 'read', 'server_type')
  const page = parseInstancePage(ctx.query)
  const servers: Record<string, unknown> = {}
  for (const name of slicePage(TYPE_NAMES, page)) servers[name] = { availability: availabilityOf(name) }
  return json({ servers }, 200, instancePageHeaders('/products/servers/availability', ctx.query, page, TYPE_NAMES.length))
}

const listVolumeTypes = (ctx: Ctx): Reply => {
  zoneOf(ctx)
  requireAccess(ctx, 'instance', 'read', 'volume_type')
  const page = parseInstancePage(ctx.query)
  const volumes = {
    l_ssd: { capabilities: { snapshot: true }, display_name: 'Local SSD', constraints: { min: 1_000_000_000, max: 800_000_000_000 } },
    scratch: { capabilities: { snapshot: false }, display_name: 'Scratch Storage', constraints: { min: 1_000_000_000, max: 60_000_000_000_000 } },
  }
  return json({ volumes }, 200, instancePageHeaders('/products/volumes', ctx.query, page, 2))
}

const Z = '/instance/v1/zones/:zone'
export const instanceRoutes: Route[] = [
  { method: 'GET', pattern: `${Z}/servers`, product: 'instance', handler: listServers },
  { method: 'POST', pattern: `${Z}/servers`, product: 'instance', handler: createServer },
  { method: 'GET', pattern: `${Z}/servers/:id`, product: 'instance', handler: getServer },
  { method: 'PATCH', pattern: `${Z}/servers/:id`, product: 'instance', handler: updateServer },
  { method: 'DELETE', pattern: `${Z}/servers/:id`, product: 'instance', handler: deleteServer },
  { method: 'GET', pattern: `${Z}/servers/:id/action`, product: 'instance', handler: listServerActions },
  { method: 'POST', pattern: `${Z}/servers/:id/action`, product: 'instance', handler: serverAction },
  { method: 'GET', pattern: `${Z}/ips`, product: 'instance', handler: listIps },
  { method: 'POST', pattern: `${Z}/ips`, product: 'instance', handler: createIp },
  { method: 'GET', pattern: `${Z}/ips/:ip`, product: 'instance', handler: getIp },
  { method: 'PATCH', pattern: `${Z}/ips/:ip`, product: 'instance', handler: updateIp },
  { method: 'DELETE', pattern: `${Z}/ips/:ip`, product: 'instance', handler: deleteIp },
  { method: 'GET', pattern: `${Z}/images`, product: 'instance', handler: listImages },
  { method: 'GET', pattern: `${Z}/images/:id`, product: 'instance', handler: getImage },
  { method: 'GET', pattern: `${Z}/products/servers`, product: 'instance', handler: listServerTypes },
  { method: 'GET', pattern: `${Z}/products/servers/availability`, product: 'instance', handler: serverTypesAvailability },
  { method: 'GET', pattern: `${Z}/products/volumes`, product: 'instance', handler: listVolumeTypes },
]
