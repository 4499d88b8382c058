/**
 * A server's volumes: the `volumes` map of POST / PATCH /servers, and POST /servers/{id}/attach-volume and
 * /detach-volume. As recorded in `sequences/instance--server-additional-volumes.json`:
 * - POST /servers `volumes`: slot "0" is the root (its `size`, and `volume_type` `l_ssd` or `sbs_volume`, must fit
 *   the image, model.ts makeServer); other slots name an existing volume by `id` (a local `l_ssd` volume shows in the
 *   slot in full, a Block one as `{boot, volume_type: "sbs_volume", id, state, zone}`), or describe a new one
 *   (`volume_type` + `size`), created with the server;
 * - PATCH /servers `volumes`: the server's volumes become exactly the given slots (7 -> 42 -> 72 -> 112): the others
 *   are detached (a local volume keeps living with `server: null`, a Block one becomes `available`), the new ones
 *   attached. The root (slot "0") cannot change.
 * Refusals: an unknown volume is 404 `instance_volume`; a volume attached elsewhere, or a local volume added or
 * removed while the server is not stopped, is refused (modelled: 400 invalid_arguments, and the legacy 400
 * "server should be stopped"); detaching a volume the server does not have is the recorded 400 invalid_arguments on
 * `volume_id` ("Volume … is not attached to this server", `error_instance_400_invalid_arguments_detach_volume.json`).
 */
import { randomUUID } from 'node:crypto'
import { getOr404, invalidArgument, notFound } from '../errors.ts'
import { bodyObject, type Ctx, json, optionalString, type Reply, type Route, zoneParam } from '../http.ts'
import { isUuid } from '../ids.ts'
import { attachVolume, detachVolume, makeBlockVolume } from '../model.ts'
import type { InstanceVolume, Server, ZoneData } from '../store.ts'
import { findServer } from './lookup.ts'
import { renderServer } from './render.ts'
import { needsStopped } from './state-machine.ts'

export interface VolumeSlot {
  slot: number
  id: string | null
  size: number | null
  volumeType: string | null
  name: string | null
}

/** The slots of a `volumes` map, in slot order; undefined when the body has none. */
export const parseVolumeSlots = (raw: unknown): VolumeSlot[] | undefined => {
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalidArgument('volumes', 'format', 'value must be a map of volume slots')
  return Object.entries(raw as Record<string, unknown>).map(([key, value]) => {
    const where = `volumes.${key}`
    if (!/^\d+$/.test(key) || Number(key) > 15) throw invalidArgument(where, 'format', 'volume slots are "0" to "15"')
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidArgument(where, 'format', 'value must be an object')
    const v = value as Record<string, unknown>
    const id = v.id ?? null
    if (id !== null && (typeof id !== 'string' || !isUuid(id))) throw invalidArgument(`${where}.id`, 'format', 'value must be a valid UUID')
    const size = v.size ?? null
    if (size !== null && (typeof size !== 'number' || !Number.isInteger(size) || size <= 0)) {
      throw invalidArgument(`${where}.size`, 'format', 'value must be a positive integer')
    }
    const volumeType = v.volume_type ?? null
    if (volumeType !== null && volumeType !== 'l_ssd' && volumeType !== 'sbs_volume' && volumeType !== 'scratch') {
      throw invalidArgument(`${where}.volume_type`, 'constraint', 'value must be one of l_ssd, sbs_volume, scratch')
    }
    return { slot: Number(key), id: id as string | null, size: size as number | null, volumeType: volumeType as string | null, name: typeof v.name === 'string' ? v.name : null }
  }).sort((a, b) => a.slot - b.slot)
}

/** Refuses a slot naming an unknown volume or one attached to another server, or describing a volume without size. */
const checkSlot = (data: ZoneData, serverId: string | null, slot: VolumeSlot): void => {
  if (slot.id === null) {
    if (slot.size === null) throw invalidArgument(`volumes.${slot.slot}.size`, 'required', 'required key not provided')
    return
  }
  const local = data.volumes.get(slot.id)
  const block = data.blockVolumes.get(slot.id)
  if (!local && !block) throw notFound('instance_volume', slot.id)
  const owner = local ? local.serverId : block!.reference?.serverId ?? null
  if (owner !== null && owner !== serverId) {
    throw invalidArgument(`volumes.${slot.slot}.id`, 'constraint', `volume ${slot.id} is attached to another server`)
  }
}

/** POST /servers: checks the extra slots before the server is made (nothing is created when one is wrong). */
export const checkCreateSlots = (data: ZoneData, slots: readonly VolumeSlot[]): void => {
  for (const slot of slots) if (slot.slot !== 0) checkSlot(data, null, slot)
}

/** The volume a slot names or describes (checked), created now when it is new (and not yet attached). */
const volumeFor = (ctx: Ctx, data: ZoneData, server: Server, slot: VolumeSlot): string => {
  if (slot.id !== null) return slot.id
  if (slot.size === null) throw invalidArgument(`volumes.${slot.slot}.size`, 'required', 'required key not provided')
  if (slot.volumeType === 'sbs_volume') {
    const volume = makeBlockVolume({
      id: randomUUID(), zone: server.zone, name: slot.name ?? `${server.name}-volume-${slot.slot}`, projectId: server.project,
      size: slot.size, at: ctx.now,
    })
    data.blockVolumes.set(volume.id, volume)
    return volume.id
  }
  const volume: InstanceVolume = {
    id: randomUUID(), name: slot.name ?? `${server.name}-volume-${slot.slot}`, volumeType: slot.volumeType === 'scratch' ? 'scratch' : 'l_ssd',
    size: slot.size, project: server.project, organization: server.organization, zone: server.zone, serverId: null, tags: [],
    creationDate: ctx.now, modificationDate: ctx.now,
  }
  data.volumes.set(volume.id, volume)
  return volume.id
}

/** POST /servers: attaches the volumes of slots 1.. after the root volume makeServer made. */
export const attachCreateSlots = (ctx: Ctx, data: ZoneData, server: Server, slots: readonly VolumeSlot[]): void => {
  for (const slot of slots) {
    if (slot.slot === 0) continue
    attachVolume(ctx.store, server, volumeFor(ctx, data, server, slot), ctx.now)
  }
}

/** PATCH /servers `volumes`: the server's volumes become exactly these slots (the root stays). */
export const setServerVolumes = (ctx: Ctx, data: ZoneData, server: Server, slots: readonly VolumeSlot[]): void => {
  const root = server.volumeIds[0]
  const rootSlot = slots.find((s) => s.slot === 0)
  if (rootSlot?.id != null && rootSlot.id !== root) throw invalidArgument('volumes.0.id', 'constraint', 'the root volume cannot be replaced')
  const extra = slots.filter((s) => s.slot !== 0)
  for (const slot of extra) checkSlot(data, server.id, slot)
  const local = (slot: VolumeSlot): boolean => (slot.id === null ? slot.volumeType !== 'sbs_volume' : data.volumes.has(slot.id))
  const changesLocal = extra.some((s) => local(s) && (s.id === null || !server.volumeIds.includes(s.id))) ||
    server.volumeIds.slice(1).some((id) => data.volumes.has(id) && !extra.some((s) => s.id === id))
  if (changesLocal) {
    const refusal = needsStopped(server)
    if (refusal) throw refusal
  }
  const wanted = extra.map((s) => volumeFor(ctx, data, server, s))
  const kept = new Set([root, ...wanted])
  const removed = server.volumeIds.filter((id) => !kept.has(id))
  const added = wanted.filter((id) => !server.volumeIds.includes(id))
  for (const id of removed) detachVolume(ctx.store, server, id, ctx.now)
  for (const id of added) attachVolume(ctx.store, server, id, ctx.now)
  server.volumeIds = [...(root === undefined ? [] : [root]), ...wanted]
}

const volumeIdOf = (ctx: Ctx): string => {
  const id = optionalString(bodyObject(ctx), 'volume_id')
  if (id === undefined || id === '') throw invalidArgument('volume_id', 'required', 'required key not provided')
  if (!isUuid(id)) throw invalidArgument('volume_id', 'format', 'value must be a valid UUID')
  return id
}

const attach = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const server = findServer(ctx, data, 'write')
  const id = volumeIdOf(ctx)
  if (!server.volumeIds.includes(id)) {
    getOr404(new Map([...data.volumes.keys(), ...data.blockVolumes.keys()].map((k) => [k, k])), id, 'instance_volume')
    setServerVolumes(ctx, data, server, [...server.volumeIds.slice(1), id].map((v, i) => ({ slot: i + 1, id: v, size: null, volumeType: null, name: null })))
  }
  server.modificationDate = ctx.now
  return json({ server: renderServer(ctx.store, server) })
}

const detach = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const server = findServer(ctx, data, 'write')
  const id = volumeIdOf(ctx)
  if (!server.volumeIds.includes(id)) throw invalidArgument('volume_id', 'constraint', `Volume ${id} is not attached to this server`)
  if (server.volumeIds[0] === id) throw invalidArgument('volume_id', 'constraint', 'the root volume cannot be detached')
  if (data.volumes.has(id)) {
    const refusal = needsStopped(server)
    if (refusal) throw refusal
  }
  detachVolume(ctx.store, server, id, ctx.now)
  server.modificationDate = ctx.now
  return json({ server: renderServer(ctx.store, server) })
}

const S = '/instance/v1/zones/:zone/servers/:id'
export const serverVolumeRoutes: Route[] = [
  { method: 'POST', pattern: `${S}/attach-volume`, product: 'instance', resource: 'server', handler: attach },
  { method: 'POST', pattern: `${S}/detach-volume`, product: 'instance', resource: 'server', handler: detach },
]
