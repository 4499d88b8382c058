/**
 * Instance servers: list, get, create, update, delete, actions; their volumes (server-volumes.ts), flexible IPs,
 * security group and placement group are set by create and update.
 */
import { randomUUID } from 'node:crypto'
import { scopeAllows } from '../auth.ts'
import { serverTypeIn } from '../catalog.ts'
import { getOr404, invalidArgument, invalidArguments, notFound, quotasExceeded, type ArgumentDetail } from '../errors.ts'
import {
  bodyObject, type Ctx, enumQuery, json, noContent, optionalBool, optionalString, optionalTags, queryList, type Reply,
  requireAccess, type Route, scope, boolQuery, uuidQuery, zoneParam,
} from '../http.ts'
import { instanceDate, isUuid } from '../ids.ts'
import { ensureDynamicIp, linkIp, makeServer, removeServer, rootVolumeSize } from '../model.ts'
import { instanceList } from '../pagination.ts'
import {
  type FlexibleIp, type PlacementGroup, type SecurityGroup, type Server, type ServerAction, SERVER_STATES, type ZoneData,
} from '../store.ts'
import { findServer, resolveProject, sameProjectOrRefuse } from './lookup.ts'
import { renderServer } from './render.ts'
import { attachCreateSlots, checkCreateSlots, parseVolumeSlots, serverVolumeRoutes, setServerVolumes } from './server-volumes.ts'
import {
  ACTIONS, actionRefusal, ALLOWED_ACTIONS, attachFlexibleIp, deletionRefusal, needsStopped, startTransition,
} from './state-machine.ts'

const ZERO_UUID = '00000000-0000-0000-0000-000000000000'

/** The SDK's ListServersRequestOrder. */
const ORDERS = ['creation_date_desc', 'creation_date_asc', 'modification_date_desc', 'modification_date_asc'] as const

const listServers = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'server')
  const order = enumQuery(q, 'order', ORDERS) ?? 'creation_date_desc'
  const state = enumQuery(q, 'state', SERVER_STATES)
  const project = uuidQuery(q, 'project')
  const organization = uuidQuery(q, 'organization')
  const name = q.get('name')?.toLowerCase() || undefined
  const commercialType = q.get('commercial_type') || undefined
  const tags = queryList(q, 'tags')
  const ids = queryList(q, 'servers')
  for (const id of ids) if (!isUuid(id)) throw invalidArgument('servers', 'format', 'value must be a list of valid UUIDs')
  const withIp = q.get('with_ip') || undefined
  const withoutIp = boolQuery(q, 'without_ip')

  // Store order is creation order: it breaks ties, reversed with the dates for the *_desc orders.
  const seq = new Map<Server, number>()
  for (const s of data.servers.values()) seq.set(s, seq.size)
  const date = order.startsWith('creation') ? (s: Server) => s.creationDate : (s: Server) => s.modificationDate
  const dir = order.endsWith('_desc') ? -1 : 1
  const { page, headers } = instanceList(q, '/servers', {
    items: data.servers.values(),
    keep: (s) =>
      (readScope === 'all' || readScope.has(s.project)) &&
      (!project || s.project === project) &&
      (!organization || s.organization === organization) &&
      (!state || s.state === state) &&
      (!name || s.name.toLowerCase().includes(name)) &&
      (!commercialType || s.commercialType === commercialType) &&
      tags.every((t) => s.tags.includes(t)) &&
      (ids.length === 0 || ids.includes(s.id)) &&
      (withoutIp !== true || s.ipIds.length === 0) &&
      (withoutIp !== false || s.ipIds.length > 0) &&
      (!withIp || s.ipIds.some((id) => data.ips.get(id)?.address === withIp)),
    order: (a, b) => dir * (date(a) - date(b) || seq.get(a)! - seq.get(b)!),
  })
  return json({ servers: page.map((s) => renderServer(ctx.store, s)) }, 200, headers)
}

const getServer = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  return json({ server: renderServer(ctx.store, findServer(ctx, data, 'read')) })
}

const createServer = (ctx: Ctx): Reply => {
  const { zone, data } = zoneParam(ctx)
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
  const isProtected = optionalBool(body, 'protected')
  const bootType = optionalString(body, 'boot_type')
  const slots = parseVolumeSlots(body.volumes) ?? []
  const rootSize = slots.find((v) => v.slot === 0)?.size ?? undefined

  requireAccess(ctx, 'instance', 'write', 'server', project, 'write')

  // A type this zone's catalogue does not list is refused on `commercial_type` (invalid_arguments, as recorded for
  // other create arguments in error_instance_400_invalid_arguments_create_server.json).
  const type = serverTypeIn(zone, commercialType as string)
  if (!type) throw invalidArgument('commercial_type', 'constraint', `commercial type "${String(commercialType)}" is not available in ${zone}`)

  const ref = imageRef as string
  let image = isUuid(ref) ? data.images.get(ref) : undefined
  if (!image && !isUuid(ref)) image = [...data.images.values()].find((i) => i.label === ref)
  if (!image) {
    if (isUuid(ref)) throw notFound('instance_image', ref)
    throw invalidArgument('image', 'format', 'value must be a valid UUID or a known image label')
  }
  if (!image.public && !scopeAllows(scope(ctx, 'instance', 'read'), image.project)) throw notFound('instance_image', ref)
  if (image.arch !== type.arch) {
    throw invalidArgument('image', 'constraint', `image arch (${image.arch}) is not compatible with commercial type ${type.name} (${type.arch})`)
  }

  const ipIds: [argument: string, id: string][] = []
  const publicIp = body.public_ip
  if (publicIp !== undefined && publicIp !== null) {
    if (typeof publicIp !== 'string') throw invalidArgument('public_ip', 'format', 'value must be a valid UUID')
    ipIds.push(['public_ip', publicIp])
  }
  const publicIps = body.public_ips
  if (publicIps !== undefined && publicIps !== null) {
    if (!Array.isArray(publicIps) || publicIps.some((v) => typeof v !== 'string')) {
      throw invalidArgument('public_ips', 'format', 'value must be an array of UUIDs')
    }
    for (const id of publicIps as string[]) ipIds.push(['public_ips', id])
  }
  const ips = ipIds.map(([argument, id]) => {
    const ip = getOr404(data.ips, id, 'instance_ip')
    // The IP must be of the new server's project (modelled, lookup.ts sameProjectOrRefuse).
    sameProjectOrRefuse(argument, ip.project, project!)
    return ip
  })

  const securityGroup = securityGroupOf(data, body.security_group, project!)
  checkCreateSlots(data, slots)

  let current = 0
  for (const s of data.servers.values()) if (s.project === project) current++
  if (current >= ctx.store.serverQuota) {
    throw quotasExceeded([{ resource: 'instances', quota: ctx.store.serverQuota, current, project_id: project }])
  }

  const id = randomUUID()
  const server = makeServer(ctx.store, {
    id, zone, name: typeof name === 'string' && name !== '' ? name : `srv-${id.slice(0, 8)}`,
    project: project!, organization: ctx.store.organizationId, commercialType: type.name, image, tags,
    state: 'stopped', at: ctx.now, rootVolumeId: randomUUID(), rootVolumeSize: rootSize,
    dynamicIpRequired: dynamicIpRequired ?? true, enableIpv6, bootType, protected: isProtected,
  })
  attachCreateSlots(ctx, data, server, slots)
  if (securityGroup) server.securityGroupId = securityGroup.id
  // The new server is stopped: its IPs are `attached` at once (recorded, e.g. sequences/instance--server-ips-removed.json 5).
  for (const ip of ips) linkIp(ctx.store, ip, server)
  return json({ server: renderServer(ctx.store, server) }, 201, { Location: `${ctx.baseUrl}/instance/v1/zones/${zone}/servers/${id}` })
}

const updateServer = (ctx: Ctx): Reply => {
  const { zone, data } = zoneParam(ctx)
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
  // As recorded (error_instance_400_invalid_arguments_placement_group.json): a malformed id is "not a valid value".
  let placementGroup: PlacementGroup | null | undefined
  if (body.placement_group === null) placementGroup = null
  else if (body.placement_group !== undefined) {
    const pg = body.placement_group
    if (typeof pg !== 'string' || !isUuid(pg)) throw invalidArgument('placement_group', 'constraint', 'not a valid value')
    placementGroup = getOr404(data.placementGroups, pg, 'instance_placement_group')
  }
  const group = securityGroupOf(data, body.security_group, server.project)
  const ips = body.public_ips === undefined ? undefined : publicIpsOf(ctx, data, body.public_ips, server.project)
  const slots = parseVolumeSlots(body.volumes)
  if (commercialType !== undefined && commercialType !== server.commercialType) {
    const type = serverTypeIn(zone, commercialType)
    if (!type) throw invalidArgument('commercial_type', 'constraint', `commercial type "${commercialType}" is not available in ${zone}`)
    const refusal = needsStopped(server)
    if (refusal) throw refusal
    server.commercialType = type.name
    server.arch = type.arch
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
  if (placementGroup !== undefined) server.placementGroupId = placementGroup === null ? null : placementGroup.id
  if (group) server.securityGroupId = group.id
  if (slots !== undefined) setServerVolumes(ctx, data, server, slots)
  if (ips !== undefined) {
    // `public_ips` lists the IPs the server keeps: the others are detached, the new ones attached (state-machine.ts).
    for (const ip of server.ipIds.map((id) => data.ips.get(id)).filter((ip): ip is FlexibleIp => ip !== undefined)) {
      if (!ips.includes(ip)) linkIp(ctx.store, ip, null)
    }
    for (const ip of ips) attachFlexibleIp(ctx.store, ip, server, ctx.now, ctx.transitionMs)
  }
  if (dynamicIpRequired !== undefined || ips !== undefined) ensureDynamicIp(ctx.store, server, ctx.now)
  server.modificationDate = ctx.now
  return json({ server: renderServer(ctx.store, server) })
}

/**
 * The security group a body names (an id, or `{id, name}`), or undefined when it names none. A group of another
 * project is refused (modelled: 400 invalid_arguments, like an IP of another project).
 */
const securityGroupOf = (data: ZoneData, raw: unknown, project: string): SecurityGroup | undefined => {
  if (raw === undefined || raw === null) return undefined
  const id = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>).id : raw
  if (typeof id !== 'string' || !isUuid(id)) throw invalidArgument('security_group', 'format', 'value must be a valid UUID')
  const group = getOr404(data.securityGroups, id, 'instance_security_group')
  if (group.project !== project) throw invalidArgument('security_group', 'constraint', `security group ${id} belongs to another project`)
  return group
}

/** The flexible IPs of a PATCH `public_ips` (ids), each of the server's project. */
const publicIpsOf = (ctx: Ctx, data: ZoneData, raw: unknown, project: string): FlexibleIp[] => {
  if (raw === null) return []
  if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string')) throw invalidArgument('public_ips', 'format', 'value must be an array of UUIDs')
  return (raw as string[]).map((id) => {
    const ip = getOr404(data.ips, id, 'instance_ip')
    requireAccess(ctx, 'instance', 'write', 'ip', ip.project)
    sameProjectOrRefuse('public_ips', ip.project, project)
    return ip
  })
}

/** DELETE keeps the server's volumes and flexible IPs (detached); see model.ts removeServer. */
const deleteServer = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const server = findServer(ctx, data, 'write', 'delete')
  const refusal = deletionRefusal(server)
  if (refusal) throw refusal
  removeServer(ctx.store, server, ctx.now, 'delete')
  return noContent()
}

const listServerActions = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  return json({ actions: ALLOWED_ACTIONS[findServer(ctx, data, 'read').state] })
}

const serverAction = (ctx: Ctx): Reply => {
  const { zone, data } = zoneParam(ctx)
  const server = findServer(ctx, data, 'write')
  const body = bodyObject(ctx)
  const action = body.action ?? 'poweron'
  if (typeof action !== 'string' || !(ACTIONS as string[]).includes(action)) {
    throw invalidArgument('action', 'constraint', `value must be one of ${ACTIONS.join(', ')}`)
  }
  const act = action as ServerAction
  const refusal = actionRefusal(server, act)
  if (refusal) throw refusal
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
  if (act === 'backup') {
    const imageName = optionalString(body, 'name') ?? `${server.name}-${instanceDate(ctx.now).slice(0, 10)}`
    const imageId = randomUUID()
    data.images.set(imageId, {
      id: imageId, name: imageName, zone, arch: server.arch, public: false,
      organization: server.organization, project: server.project,
      rootVolume: { id: randomUUID(), name: `${imageName}-root`, volumeType: 'sbs_snapshot', size: rootVolumeSize(ctx.store, server) },
      creationDate: ctx.now, modificationDate: ctx.now, fromServer: server.id, tags: [], label: null, marketplaceLabel: null,
    })
    task.id = randomUUID()
    task.description = 'instance_backup'
    task.href_result = `/images/${imageId}`
  } else if (act !== 'enable_routed_ip') {
    startTransition(ctx.store, server, act, ctx.now, ctx.transitionMs)
  }
  return json({ task }, 202, { Location: `${ctx.baseUrl}/instance/v1/zones/${zone}/tasks/${task.id}` })
}

const Z = '/instance/v1/zones/:zone'
export const serverRoutes: Route[] = [
  { method: 'GET', pattern: `${Z}/servers`, product: 'instance', resource: 'server', handler: listServers },
  { method: 'POST', pattern: `${Z}/servers`, product: 'instance', resource: 'server', handler: createServer },
  { method: 'GET', pattern: `${Z}/servers/:id`, product: 'instance', resource: 'server', handler: getServer },
  { method: 'PATCH', pattern: `${Z}/servers/:id`, product: 'instance', resource: 'server', handler: updateServer },
  { method: 'DELETE', pattern: `${Z}/servers/:id`, product: 'instance', resource: 'server', handler: deleteServer },
  { method: 'GET', pattern: `${Z}/servers/:id/action`, product: 'instance', resource: 'server', handler: listServerActions },
  { method: 'POST', pattern: `${Z}/servers/:id/action`, product: 'instance', resource: 'server', handler: serverAction },
  ...serverVolumeRoutes,
]
