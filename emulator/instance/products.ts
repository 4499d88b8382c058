/** Instance products: server types and their availability (both per zone, see catalog.ts), volume types. */
import { availabilityIn, SERVER_TYPES, serverTypeNames } from '../catalog.ts'
import { type Ctx, json, type Reply, requireAccess, type Route, zoneParam } from '../http.ts'
import { instanceList } from '../pagination.ts'
import { renderServerType } from './render.ts'

const listServerTypes = (ctx: Ctx): Reply => {
  const { zone } = zoneParam(ctx)
  requireAccess(ctx, 'instance', 'read', 'server_type')
  const { page, headers } = instanceList(ctx.query, '/products/servers', { items: serverTypeNames(zone) })
  return json({ servers: Object.fromEntries(page.map((name) => [name, renderServerType(SERVER_TYPES.get(name)!)])) }, 200, headers)
}

const serverTypesAvailability = (ctx: Ctx): Reply => {
  const { zone } = zoneParam(ctx)
  requireAccess(ctx, 'instance', 'read', 'server_type')
  const { page, headers } = instanceList(ctx.query, '/products/servers/availability', { items: serverTypeNames(zone) })
  return json({ servers: Object.fromEntries(page.map((name) => [name, { availability: availabilityIn(zone, name) }])) }, 200, headers)
}

/** As recorded in `instance_list_volume_types.json` (fr-par-1); the same in every zone. */
const VOLUME_TYPES: [string, unknown][] = [
  ['l_ssd', { capabilities: { snapshot: true }, display_name: 'Local SSD', constraints: { min: 1_000_000_000, max: 800_000_000_000 } }],
  ['scratch', { capabilities: { snapshot: false }, display_name: 'Scratch Storage', constraints: { min: 1_000_000_000, max: 60_000_000_000_000 } }],
]

const listVolumeTypes = (ctx: Ctx): Reply => {
  zoneParam(ctx)
  requireAccess(ctx, 'instance', 'read', 'volume_type')
  const { page, headers } = instanceList(ctx.query, '/products/volumes', { items: VOLUME_TYPES })
  return json({ volumes: Object.fromEntries(page) }, 200, headers)
}

const Z = '/instance/v1/zones/:zone'
export const productRoutes: Route[] = [
  { method: 'GET', pattern: `${Z}/products/servers`, product: 'instance', resource: 'server_type', handler: listServerTypes },
  { method: 'GET', pattern: `${Z}/products/servers/availability`, product: 'instance', resource: 'server_type', handler: serverTypesAvailability },
  { method: 'GET', pattern: `${Z}/products/volumes`, product: 'instance', resource: 'volume_type', handler: listVolumeTypes },
]
