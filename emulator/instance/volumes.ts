/**
 * Instance volumes (local SSD `l_ssd`, `scratch`): /instance/v1/zones/{zone}/volumes, `{"volume": ...}`, lists with
 * `X-Total-Count`. As recorded in `sequences/instance--volume-basic.json`, `instance--data-source-volume-basic.json`
 * and `instance--server-additional-volumes.json`: create answers 201 + Location, `state: "available"`, `server: null`;
 * an unknown id (an SBS volume's included: those are Block Storage volumes, see ../block.ts) is 404 `instance_volume`.
 * Deleting a volume still attached to a server is refused. Nothing is recorded for that; modelled as the Instance
 * legacy 400 `invalid_request_error`.
 */
import { randomUUID } from 'node:crypto'
import { getOr404, invalidArgument, invalidArguments, invalidRequest, type ArgumentDetail } from '../errors.ts'
import {
  bodyObject, type Ctx, enumQuery, json, noContent, optionalString, optionalTags, queryList, type Reply, requireAccess,
  type Route, uuidQuery, zoneParam,
} from '../http.ts'
import { instanceList } from '../pagination.ts'
import type { InstanceVolume } from '../store.ts'
import { resolveProject } from './lookup.ts'
import { renderInstanceVolume } from './render.ts'

/** Spec enum of ListVolumes / CreateVolume `volume_type`. */
const INSTANCE_VOLUME_TYPES = ['l_ssd', 'b_ssd', 'unified', 'scratch', 'sbs_volume', 'sbs_snapshot'] as const
/** Sizes of `instance_list_volume_types.json` (GET /products/volumes). */
const SIZE_LIMITS: Record<InstanceVolume['volumeType'], { min: number; max: number }> = {
  l_ssd: { min: 1_000_000_000, max: 800_000_000_000 },
  scratch: { min: 1_000_000_000, max: 60_000_000_000_000 },
}

const listVolumes = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'volume')
  const volumeType = enumQuery(q, 'volume_type', INSTANCE_VOLUME_TYPES)
  const project = uuidQuery(q, 'project')
  const organization = uuidQuery(q, 'organization')
  const name = q.get('name')?.toLowerCase() || undefined
  const tags = queryList(q, 'tags')
  const { page, headers } = instanceList(q, '/volumes', {
    items: data.volumes.values(),
    keep: (v) =>
      (readScope === 'all' || readScope.has(v.project)) &&
      (!volumeType || v.volumeType === volumeType) &&
      (!project || v.project === project) &&
      (!organization || v.organization === organization) &&
      (!name || v.name.toLowerCase().includes(name)) &&
      tags.every((t) => v.tags.includes(t)),
  })
  return json({ volumes: page.map((v) => renderInstanceVolume(ctx.store, v)) }, 200, headers)
}

const findVolume = (ctx: Ctx, access: 'read' | 'write', action?: string): InstanceVolume => {
  const { data } = zoneParam(ctx)
  const volume = getOr404(data.volumes, ctx.params.id ?? '', 'instance_volume')
  requireAccess(ctx, 'instance', access, 'volume', volume.project, action)
  return volume
}

const getVolume = (ctx: Ctx): Reply => json({ volume: renderInstanceVolume(ctx.store, findVolume(ctx, 'read')) })

const sizeOf = (body: Record<string, unknown>, type: InstanceVolume['volumeType'], details: ArgumentDetail[], required: boolean): number | undefined => {
  const size = body.size
  if (size === undefined || size === null) {
    if (required) details.push({ argument_name: 'size', reason: 'required', help_message: 'required key not provided' })
    return undefined
  }
  if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
    details.push({ argument_name: 'size', reason: 'format', help_message: 'value must be a positive integer' })
    return undefined
  }
  const { min, max } = SIZE_LIMITS[type]
  if (size < min || size > max) {
    details.push({ argument_name: 'size', reason: 'constraint', help_message: `size must be between ${min} and ${max} bytes` })
    return undefined
  }
  return size
}

const createVolume = (ctx: Ctx): Reply => {
  const { zone, data } = zoneParam(ctx)
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const project = resolveProject(ctx, body, details)
  const rawType = body.volume_type ?? 'l_ssd'
  let type: InstanceVolume['volumeType'] = 'l_ssd'
  if (rawType === 'scratch' || rawType === 'l_ssd') type = rawType
  else {
    // b_ssd is retired; SBS volumes are created in Block Storage (POST /block/v1/zones/{zone}/volumes).
    details.push({ argument_name: 'volume_type', reason: 'constraint', help_message: 'volume_type must be l_ssd or scratch: create SBS volumes with the Block Storage API' })
  }
  const size = sizeOf(body, type, details, true)
  const name = optionalString(body, 'name')
  const tags = optionalTags(body) ?? []
  if (details.length > 0) throw invalidArguments(details)
  requireAccess(ctx, 'instance', 'write', 'volume', project)
  const volume: InstanceVolume = {
    id: randomUUID(), name: name || `vol-${randomUUID().slice(0, 8)}`, volumeType: type, size: size!, project: project!,
    organization: ctx.store.organizationId, zone, serverId: null, tags, creationDate: ctx.now, modificationDate: ctx.now,
  }
  data.volumes.set(volume.id, volume)
  return json({ volume: renderInstanceVolume(ctx.store, volume) }, 201, {
    Location: `${ctx.baseUrl}/instance/v1/zones/${zone}/volumes/${volume.id}`,
  })
}

const updateVolume = (ctx: Ctx): Reply => {
  const volume = findVolume(ctx, 'write')
  const body = bodyObject(ctx)
  const name = optionalString(body, 'name')
  if (name !== undefined && name === '') throw invalidArgument('name', 'constraint', 'value must not be empty')
  const tags = optionalTags(body)
  const details: ArgumentDetail[] = []
  const size = sizeOf(body, volume.volumeType, details, false)
  if (details.length > 0) throw invalidArguments(details)
  if (size !== undefined && size < volume.size) throw invalidArgument('size', 'constraint', 'a volume can only grow')
  if (name !== undefined) volume.name = name
  if (tags !== undefined) volume.tags = tags
  if (size !== undefined) volume.size = size
  volume.modificationDate = ctx.now
  return json({ volume: renderInstanceVolume(ctx.store, volume) })
}

const deleteVolume = (ctx: Ctx): Reply => {
  const volume = findVolume(ctx, 'write', 'delete')
  // Modelled (not recorded): see the top of this file.
  if (volume.serverId !== null) throw invalidRequest('volume is attached to a server: detach it or delete the server first')
  zoneParam(ctx).data.volumes.delete(volume.id)
  return noContent()
}

const Z = '/instance/v1/zones/:zone'
export const volumeRoutes: Route[] = [
  { method: 'GET', pattern: `${Z}/volumes`, product: 'instance', resource: 'volume', handler: listVolumes },
  { method: 'POST', pattern: `${Z}/volumes`, product: 'instance', resource: 'volume', handler: createVolume },
  { method: 'GET', pattern: `${Z}/volumes/:id`, product: 'instance', resource: 'volume', handler: getVolume },
  { method: 'PATCH', pattern: `${Z}/volumes/:id`, product: 'instance', resource: 'volume', handler: updateVolume },
  { method: 'DELETE', pattern: `${Z}/volumes/:id`, product: 'instance', resource: 'volume', handler: deleteVolume },
]
