/**
 * Block Storage API v1 (zoned): SBS volumes, snapshots and volume types. The bodies are the resources themselves
 * (no wrapper), compact JSON with ISO dates; lists use `page` / `page_size` and `total_count` in the body.
 *
 * As recorded (`sequences/instance--server-basic.json` 7 / 100 / 101, `instance--server-additional-volumes.json`
 * 34 / 37 / 152): POST /volumes answers **200** with `status: "creating"`, `available` once one transition has passed
 * (settled with the servers, instance/state-machine.ts); a server's root volume is `in_use` with one `instance_server`
 * reference; an unknown id is 404 `volume` (`snapshot` for snapshots); the Block 403 names `snapshot` /
 * `volume` (`error_block_403_permissions_denied.json`).
 * Refusal nothing records, modelled: deleting a volume still `in_use` is 412 `precondition_failed` /
 * `resource_still_in_use` (the SDK documents "The volume must not be in the `in_use` status"). A snapshot may always
 * be deleted; a volume made from it keeps its `parent_snapshot_id`. Snapshots are not recorded: their shape is the
 * SDK's `Snapshot`.
 * Permissions: the `block` product (auth.ts), granted by the Instances permission sets too.
 */
import { randomUUID } from 'node:crypto'
import { getOr404, invalidArgument, invalidArguments, preconditionFailed, type ArgumentDetail } from './errors.ts'
import {
  bodyObject, createdOrNameOrder, type Ctx, json, noContent, optionalString, optionalTags, queryList, type Reply,
  requireAccess, requiredProjectId, type Route, uuidQuery, zoneParam,
} from './http.ts'
import { isoDate } from './ids.ts'
import { makeBlockVolume } from './model.ts'
import { globalList } from './pagination.ts'
import type { BlockSnapshot, BlockVolume } from './store.ts'

const GB = 1_000_000_000
/** SBS sizes: 1 GB .. 10 TB (Block Storage documentation); IOPS classes of the two SBS types. */
const MIN_SIZE = GB
const MAX_SIZE = 10_000 * GB
const IOPS = [5000, 15000] as const

const status = (v: BlockVolume): string => (v.creatingSince !== null ? 'creating' : v.reference ? 'in_use' : 'available')

/** A Block volume, key for key as recorded. */
export const renderBlockVolume = (volume: BlockVolume): Record<string, unknown> => ({
  id: volume.id,
  name: volume.name,
  type: volume.type,
  size: volume.size,
  project_id: volume.projectId,
  created_at: isoDate(volume.createdAt),
  updated_at: isoDate(volume.updatedAt),
  references: volume.reference
    ? [{
      id: volume.reference.id,
      product_resource_type: 'instance_server',
      product_resource_id: volume.reference.serverId,
      created_at: isoDate(volume.reference.createdAt),
      type: 'exclusive',
      status: 'attached',
    }]
    : [],
  parent_snapshot_id: volume.parentSnapshotId,
  status: status(volume),
  tags: volume.tags,
  specs: { perf_iops: volume.perfIops, class: 'sbs' },
  last_detached_at: volume.lastDetachedAt === null ? null : isoDate(volume.lastDetachedAt),
  kms_key_id: null,
  zone: volume.zone,
})

/** A Block snapshot (SDK `Snapshot`; nothing recorded). */
const renderSnapshot = (snapshot: BlockSnapshot): Record<string, unknown> => ({
  id: snapshot.id,
  name: snapshot.name,
  parent_volume: snapshot.parentVolume
    ? { id: snapshot.parentVolume.id, name: snapshot.parentVolume.name, type: snapshot.parentVolume.type, status: 'available' }
    : null,
  size: snapshot.size,
  project_id: snapshot.projectId,
  created_at: isoDate(snapshot.createdAt),
  updated_at: isoDate(snapshot.updatedAt),
  references: [],
  status: snapshot.creatingSince !== null ? 'creating' : 'available',
  tags: snapshot.tags,
  class: 'sbs',
  zone: snapshot.zone,
})

/** Every emulated project belongs to the one organization. */
const inOrganization = (ctx: Ctx, projectId: string, organization: string | undefined): boolean =>
  !organization || ctx.store.projects.get(projectId)?.organizationId === organization

const listVolumes = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'block', 'read', 'volume')
  const project = uuidQuery(q, 'project_id')
  const organization = uuidQuery(q, 'organization_id')
  const resource = uuidQuery(q, 'product_resource_id')
  const name = q.get('name')?.toLowerCase() || undefined
  const tags = queryList(q, 'tags')
  const order = createdOrNameOrder(q)
  const { page, totalCount } = globalList(q, {
    items: data.blockVolumes.values(),
    keep: (v) =>
      (readScope === 'all' || readScope.has(v.projectId)) &&
      (!project || v.projectId === project) &&
      inOrganization(ctx, v.projectId, organization) &&
      (!resource || v.reference?.serverId === resource) &&
      (!name || v.name.toLowerCase().includes(name)) &&
      // Block: "only volumes with one or more matching tags" (SDK ListVolumesRequest.tags).
      (tags.length === 0 || tags.some((t) => v.tags.includes(t))),
    order,
  })
  return json({ volumes: page.map(renderBlockVolume), total_count: totalCount })
}

const findVolume = (ctx: Ctx, access: 'read' | 'write', action?: string): BlockVolume => {
  const { data } = zoneParam(ctx)
  const volume = getOr404(data.blockVolumes, ctx.params.id ?? '', 'volume')
  requireAccess(ctx, 'block', access, 'volume', volume.projectId, action)
  return volume
}


const sizeArgument = (value: unknown, name: string, details: ArgumentDetail[]): number | undefined => {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_SIZE || value > MAX_SIZE) {
    details.push({ argument_name: name, reason: 'constraint', help_message: `size must be an integer between ${MIN_SIZE} and ${MAX_SIZE} bytes` })
    return undefined
  }
  return value
}

const iopsArgument = (value: unknown, details: ArgumentDetail[]): 5000 | 15000 | undefined => {
  if (value === undefined || value === null) return undefined
  if (!(IOPS as readonly unknown[]).includes(value)) {
    details.push({ argument_name: 'perf_iops', reason: 'constraint', help_message: 'perf_iops must be 5000 or 15000' })
    return undefined
  }
  return value as 5000 | 15000
}

const createVolume = (ctx: Ctx): Reply => {
  const { zone, data } = zoneParam(ctx)
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const projectId = requiredProjectId(ctx, body, details)
  const iops = iopsArgument(body.perf_iops, details)
  const fromEmpty = body.from_empty
  const fromSnapshot = body.from_snapshot
  let size: number | undefined
  let snapshot: BlockSnapshot | undefined
  if (fromEmpty !== undefined && fromEmpty !== null && typeof fromEmpty === 'object') {
    size = sizeArgument((fromEmpty as Record<string, unknown>).size, 'from_empty.size', details)
    if (size === undefined && details.length === 0) details.push({ argument_name: 'from_empty.size', reason: 'required', help_message: 'required key not provided' })
  } else if (fromSnapshot !== undefined && fromSnapshot !== null && typeof fromSnapshot === 'object') {
    const s = fromSnapshot as Record<string, unknown>
    const id = typeof s.snapshot_id === 'string' ? s.snapshot_id : ''
    snapshot = getOr404(data.blockSnapshots, id, 'snapshot')
    size = sizeArgument(s.size, 'from_snapshot.size', details) ?? snapshot.size
  } else {
    details.push({ argument_name: 'from_empty', reason: 'required', help_message: 'one of from_empty or from_snapshot is required' })
  }
  const name = optionalString(body, 'name')
  const tags = optionalTags(body) ?? []
  if (details.length > 0) throw invalidArguments(details)
  requireAccess(ctx, 'block', 'write', 'volume', projectId)
  const volume = makeBlockVolume({
    id: randomUUID(), zone, name: name || `vol-${randomUUID().slice(0, 8)}`, projectId: projectId!, size: size!,
    at: ctx.now, perfIops: iops, parentSnapshotId: snapshot?.id ?? null, tags,
  })
  volume.creatingSince = ctx.now
  ctx.store.creating.add(volume)
  data.blockVolumes.set(volume.id, volume)
  return json(renderBlockVolume(volume))
}

const getVolume = (ctx: Ctx): Reply => json(renderBlockVolume(findVolume(ctx, 'read')))

const updateVolume = (ctx: Ctx): Reply => {
  const volume = findVolume(ctx, 'write')
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const size = sizeArgument(body.size, 'size', details)
  const iops = iopsArgument(body.perf_iops, details)
  const name = optionalString(body, 'name')
  const tags = optionalTags(body)
  if (details.length > 0) throw invalidArguments(details)
  if (size !== undefined && size < volume.size) throw invalidArgument('size', 'constraint', 'a volume can only grow')
  if (name !== undefined && name !== '') volume.name = name
  if (tags !== undefined) volume.tags = tags
  if (size !== undefined) volume.size = size
  if (iops !== undefined) {
    volume.perfIops = iops
    volume.type = iops === 15000 ? 'sbs_15k' : 'sbs_5k'
  }
  volume.updatedAt = ctx.now
  return json(renderBlockVolume(volume))
}

const deleteVolume = (ctx: Ctx): Reply => {
  const volume = findVolume(ctx, 'write', 'delete')
  if (volume.reference) {
    // Modelled (not recorded): see the top of this file.
    throw preconditionFailed('resource_still_in_use',
      `volume is in use by instance_server ${volume.reference.serverId}: detach it or delete the server first`)
  }
  zoneParam(ctx).data.blockVolumes.delete(volume.id)
  ctx.store.creating.delete(volume)
  return noContent()
}

const listSnapshots = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'block', 'read', 'snapshot')
  const project = uuidQuery(q, 'project_id')
  const organization = uuidQuery(q, 'organization_id')
  const volumeId = uuidQuery(q, 'volume_id')
  const name = q.get('name')?.toLowerCase() || undefined
  const tags = queryList(q, 'tags')
  const order = createdOrNameOrder(q)
  const { page, totalCount } = globalList(q, {
    items: data.blockSnapshots.values(),
    keep: (s) =>
      (readScope === 'all' || readScope.has(s.projectId)) &&
      (!project || s.projectId === project) &&
      inOrganization(ctx, s.projectId, organization) &&
      (!volumeId || s.parentVolume?.id === volumeId) &&
      (!name || s.name.toLowerCase().includes(name)) &&
      (tags.length === 0 || tags.some((t) => s.tags.includes(t))),
    order,
  })
  return json({ snapshots: page.map(renderSnapshot), total_count: totalCount })
}

const findSnapshot = (ctx: Ctx, access: 'read' | 'write', action?: string): BlockSnapshot => {
  const { data } = zoneParam(ctx)
  const snapshot = getOr404(data.blockSnapshots, ctx.params.id ?? '', 'snapshot')
  requireAccess(ctx, 'block', access, 'snapshot', snapshot.projectId, action)
  return snapshot
}

const createSnapshot = (ctx: Ctx): Reply => {
  const { zone, data } = zoneParam(ctx)
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const projectId = requiredProjectId(ctx, body, details)
  const volumeId = body.volume_id
  if (typeof volumeId !== 'string' || volumeId === '') details.push({ argument_name: 'volume_id', reason: 'required', help_message: 'required key not provided' })
  const name = optionalString(body, 'name')
  const tags = optionalTags(body) ?? []
  if (details.length > 0) throw invalidArguments(details)
  const volume = getOr404(data.blockVolumes, volumeId as string, 'volume')
  requireAccess(ctx, 'block', 'write', 'snapshot', projectId)
  const snapshot: BlockSnapshot = {
    id: randomUUID(), name: name || `snp-${randomUUID().slice(0, 8)}`,
    parentVolume: { id: volume.id, name: volume.name, type: volume.type }, size: volume.size, projectId: projectId!,
    zone, createdAt: ctx.now, updatedAt: ctx.now, tags, creatingSince: ctx.now,
  }
  ctx.store.creating.add(snapshot)
  data.blockSnapshots.set(snapshot.id, snapshot)
  return json(renderSnapshot(snapshot))
}

const getSnapshot = (ctx: Ctx): Reply => json(renderSnapshot(findSnapshot(ctx, 'read')))

const updateSnapshot = (ctx: Ctx): Reply => {
  const snapshot = findSnapshot(ctx, 'write')
  const body = bodyObject(ctx)
  const name = optionalString(body, 'name')
  const tags = optionalTags(body)
  if (name !== undefined && name !== '') snapshot.name = name
  if (tags !== undefined) snapshot.tags = tags
  snapshot.updatedAt = ctx.now
  return json(renderSnapshot(snapshot))
}

const deleteSnapshot = (ctx: Ctx): Reply => {
  const snapshot = findSnapshot(ctx, 'write', 'delete')
  zoneParam(ctx).data.blockSnapshots.delete(snapshot.id)
  ctx.store.creating.delete(snapshot)
  return noContent()
}

/** The two SBS classes (SDK `VolumeType`; prices of the public catalogue, per GB and month). */
const VOLUME_TYPES = [
  { type: 'sbs_5k', pricing: { currency_code: 'EUR', units: 0, nanos: 86000000 }, snapshot_pricing: { currency_code: 'EUR', units: 0, nanos: 30000000 }, specs: { perf_iops: 5000, class: 'sbs' } },
  { type: 'sbs_15k', pricing: { currency_code: 'EUR', units: 0, nanos: 111000000 }, snapshot_pricing: { currency_code: 'EUR', units: 0, nanos: 30000000 }, specs: { perf_iops: 15000, class: 'sbs' } },
]

const listVolumeTypes = (ctx: Ctx): Reply => {
  zoneParam(ctx)
  requireAccess(ctx, 'block', 'read', 'volume_type')
  const { page, totalCount } = globalList(ctx.query, { items: VOLUME_TYPES })
  return json({ volume_types: page, total_count: totalCount })
}

const B = '/block/v1/zones/:zone'
export const blockRoutes: Route[] = [
  { method: 'GET', pattern: `${B}/volume-types`, product: 'block', resource: 'volume_type', handler: listVolumeTypes },
  { method: 'GET', pattern: `${B}/volumes`, product: 'block', resource: 'volume', handler: listVolumes },
  { method: 'POST', pattern: `${B}/volumes`, product: 'block', resource: 'volume', handler: createVolume },
  { method: 'GET', pattern: `${B}/volumes/:id`, product: 'block', resource: 'volume', handler: getVolume },
  { method: 'PATCH', pattern: `${B}/volumes/:id`, product: 'block', resource: 'volume', handler: updateVolume },
  { method: 'DELETE', pattern: `${B}/volumes/:id`, product: 'block', resource: 'volume', handler: deleteVolume },
  { method: 'GET', pattern: `${B}/snapshots`, product: 'block', resource: 'snapshot', handler: listSnapshots },
  { method: 'POST', pattern: `${B}/snapshots`, product: 'block', resource: 'snapshot', handler: createSnapshot },
  { method: 'GET', pattern: `${B}/snapshots/:id`, product: 'block', resource: 'snapshot', handler: getSnapshot },
  { method: 'PATCH', pattern: `${B}/snapshots/:id`, product: 'block', resource: 'snapshot', handler: updateSnapshot },
  { method: 'DELETE', pattern: `${B}/snapshots/:id`, product: 'block', resource: 'snapshot', handler: deleteSnapshot },
]
