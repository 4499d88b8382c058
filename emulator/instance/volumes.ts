/**
 * Volumes, in the two APIs that serve them (as recorded in `sequences/instance--server-basic.json`,
 * `instance--volume-basic.json`, `instance--data-source-volume-basic.json`, `instance--server-additional-volumes.json`):
 * - local SSD (`l_ssd`) volumes are Instance volumes: /instance/v1/zones/{zone}/volumes, `{"volume": ...}`,
 *   lists with `X-Total-Count`; an unknown id (including an SBS volume's) is 404 `instance_volume`;
 * - SBS volumes (a server's `sbs_volume`) live in Block Storage v1: /block/v1/zones/{zone}/volumes, the volume
 *   itself as the body, lists with `page` / `page_size` and `total_count`, compact JSON; unknown id: 404 `volume`.
 * Deleting a volume still attached to a server is refused. Nothing is recorded for that; modelled as the Instance
 * legacy 400 `invalid_request_error` (Instance) and 412 `precondition_failed` / `resource_still_in_use` (Block, which
 * the Block SDK documents as "The volume must not be in the `in_use` status").
 * Block permissions: the `block` product (auth.ts), granted by the Instances permission sets too.
 */
import { getOr404, invalidRequest, preconditionFailed } from '../errors.ts'
import {
  type Ctx, enumQuery, json, noContent, queryList, type Reply, requireAccess, type Route, uuidQuery, zoneParam,
} from '../http.ts'
import { globalList, instanceList } from '../pagination.ts'
import type { BlockVolume } from '../store.ts'
import { renderBlockVolume, renderInstanceVolume } from './render.ts'

/** Spec enum of ListVolumes `volume_type`. */
const INSTANCE_VOLUME_TYPES = ['l_ssd', 'b_ssd', 'unified', 'scratch', 'sbs_volume', 'sbs_snapshot'] as const

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

const getVolume = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const volume = getOr404(data.volumes, ctx.params.id ?? '', 'instance_volume')
  requireAccess(ctx, 'instance', 'read', 'volume', volume.project)
  return json({ volume: renderInstanceVolume(ctx.store, volume) })
}

const deleteVolume = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const volume = getOr404(data.volumes, ctx.params.id ?? '', 'instance_volume')
  requireAccess(ctx, 'instance', 'write', 'volume', volume.project, 'delete')
  // Modelled (not recorded): see the top of this file.
  if (volume.serverId !== null) throw invalidRequest('volume is attached to a server: detach it or delete the server first')
  data.volumes.delete(volume.id)
  return noContent()
}

/** SDK ListVolumesRequestOrderBy (created_at_asc by default). */
const BLOCK_ORDERS = ['created_at_asc', 'created_at_desc', 'name_asc', 'name_desc'] as const

const listBlockVolumes = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'block', 'read', 'volume')
  const project = uuidQuery(q, 'project_id')
  const organization = uuidQuery(q, 'organization_id')
  const resource = uuidQuery(q, 'product_resource_id')
  const name = q.get('name')?.toLowerCase() || undefined
  const tags = queryList(q, 'tags')
  const order = enumQuery(q, 'order_by', BLOCK_ORDERS) ?? 'created_at_asc'
  const dir = order.endsWith('_desc') ? -1 : 1
  const byName = order.startsWith('name')
  const { page, totalCount } = globalList(q, {
    items: data.blockVolumes.values(),
    keep: (v) =>
      (readScope === 'all' || readScope.has(v.projectId)) &&
      (!project || v.projectId === project) &&
      (!organization || organizationOf(ctx, v) === organization) &&
      (!resource || v.reference?.serverId === resource) &&
      (!name || v.name.toLowerCase().includes(name)) &&
      // Block: "only volumes with one or more matching tags" (SDK ListVolumesRequest.tags).
      (tags.length === 0 || tags.some((t) => v.tags.includes(t))),
    order: (a, b) => dir * (byName ? a.name.localeCompare(b.name) : a.createdAt - b.createdAt),
  })
  return json({ volumes: page.map(renderBlockVolume), total_count: totalCount })
}

/** Every emulated project belongs to the one organization. */
const organizationOf = (ctx: Ctx, v: BlockVolume): string | undefined => ctx.store.projects.get(v.projectId)?.organizationId

const findBlockVolume = (ctx: Ctx, access: 'read' | 'write', action?: string): BlockVolume => {
  const { data } = zoneParam(ctx)
  const volume = getOr404(data.blockVolumes, ctx.params.id ?? '', 'volume')
  requireAccess(ctx, 'block', access, 'volume', volume.projectId, action)
  return volume
}

const getBlockVolume = (ctx: Ctx): Reply => json(renderBlockVolume(findBlockVolume(ctx, 'read')))

const deleteBlockVolume = (ctx: Ctx): Reply => {
  const volume = findBlockVolume(ctx, 'write', 'delete')
  if (volume.reference) {
    // Modelled (not recorded): see the top of this file.
    throw preconditionFailed('resource_still_in_use',
      `volume is in use by instance_server ${volume.reference.serverId}: detach it or delete the server first`)
  }
  zoneParam(ctx).data.blockVolumes.delete(volume.id)
  return noContent()
}

const Z = '/instance/v1/zones/:zone'
export const volumeRoutes: Route[] = [
  { method: 'GET', pattern: `${Z}/volumes`, product: 'instance', resource: 'volume', handler: listVolumes },
  { method: 'GET', pattern: `${Z}/volumes/:id`, product: 'instance', resource: 'volume', handler: getVolume },
  { method: 'DELETE', pattern: `${Z}/volumes/:id`, product: 'instance', resource: 'volume', handler: deleteVolume },
]

const B = '/block/v1/zones/:zone'
export const blockRoutes: Route[] = [
  { method: 'GET', pattern: `${B}/volumes`, product: 'block', resource: 'volume', handler: listBlockVolumes },
  { method: 'GET', pattern: `${B}/volumes/:id`, product: 'block', resource: 'volume', handler: getBlockVolume },
  { method: 'DELETE', pattern: `${B}/volumes/:id`, product: 'block', resource: 'volume', handler: deleteBlockVolume },
]
