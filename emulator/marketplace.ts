/**
 * Marketplace API v2 (global), the part clients use to turn an image label into an image id for a zone and a
 * commercial type: GET /marketplace/v2/local-images (`image_label`, `zone`, `type`, `arch`, `order_by`, `page`,
 * `page_size`; `total_count` in the body) and GET /marketplace/v2/local-images/{id}, as recorded in
 * `sequences/instance--server-basic.json` 3 and 93.
 *
 * A local image is a public Instance image of the zone with a Marketplace label (seed.ts IMAGE_DEFS): `instance_sbs`
 * when its root volume is an SBS snapshot, `instance_local` when it is a local SSD. Its `compatible_commercial_types`
 * are the zone's server types of the same architecture (local-SSD capable ones only, for `instance_local`).
 * Public data: any authenticated caller may read it. Unknown id: 404 `local_image`.
 */
import { SERVER_TYPES, serverTypeNames } from './catalog.ts'
import { getOr404, invalidArgument } from './errors.ts'
import { type Ctx, enumQuery, json, type Reply, type Route } from './http.ts'
import { isUuid } from './ids.ts'
import { globalList } from './pagination.ts'
import { type Image, isZone, type Store, ZONES } from './store.ts'

type LocalImageType = 'instance_sbs' | 'instance_local'

const typeOf = (image: Image): LocalImageType => (image.rootVolume.volumeType === 'l_ssd' ? 'instance_local' : 'instance_sbs')

const compatibleTypes = (image: Image): string[] =>
  serverTypeNames(image.zone).filter((name) => {
    const type = SERVER_TYPES.get(name)
    return type !== undefined && type.arch === image.arch && (typeOf(image) === 'instance_sbs' || type.localSsd)
  })

const render = (image: Image): Record<string, unknown> => ({
  id: image.id,
  arch: image.arch,
  zone: image.zone,
  compatible_commercial_types: compatibleTypes(image),
  label: image.marketplaceLabel,
  type: typeOf(image),
})

/** Every public image with a Marketplace label, in zone order then seed order. */
const localImages = (store: Store): Image[] =>
  ZONES.flatMap((zone) => [...store.zones.get(zone)!.images.values()].filter((i) => i.public && i.marketplaceLabel !== null))

const ORDERS = ['type_asc', 'type_desc', 'created_at_asc', 'created_at_desc'] as const

const listLocalImages = (ctx: Ctx): Reply => {
  const q = ctx.query
  const zone = q.get('zone') || undefined
  if (zone !== undefined && !isZone(zone)) throw invalidArgument('zone', 'constraint', `unknown zone "${zone}"`)
  const label = q.get('image_label') || undefined
  const imageId = q.get('image_id') || undefined
  if (imageId !== undefined && !isUuid(imageId)) throw invalidArgument('image_id', 'format', 'value must be a valid UUID')
  const type = enumQuery(q, 'type', ['unknown_type', 'instance_local', 'instance_sbs'] as const)
  const arch = q.get('arch') || undefined
  const order = enumQuery(q, 'order_by', ORDERS) ?? 'type_asc'
  const dir = order.endsWith('_desc') ? -1 : 1
  const { page, totalCount } = globalList(q, {
    items: localImages(ctx.store),
    keep: (i) =>
      (!zone || i.zone === zone) &&
      (!label || i.marketplaceLabel === label) &&
      (!imageId || i.id === imageId) &&
      (!type || type === 'unknown_type' || typeOf(i) === type) &&
      (!arch || i.arch === arch),
    // Ties keep seed order (the recorded order between architectures varies from one label to the next).
    order: (a, b) => dir * (order.startsWith('type') ? typeOf(a).localeCompare(typeOf(b)) : a.creationDate - b.creationDate),
  })
  return json({ local_images: page.map(render), total_count: totalCount })
}

const getLocalImage = (ctx: Ctx): Reply => {
  const id = ctx.params.id ?? ''
  const all = new Map(localImages(ctx.store).map((i) => [i.id, i]))
  return json(render(getOr404(all, id, 'local_image')))
}

const M = '/marketplace/v2'
export const marketplaceRoutes: Route[] = [
  { method: 'GET', pattern: `${M}/local-images`, product: 'public', resource: 'local_image', handler: listLocalImages },
  { method: 'GET', pattern: `${M}/local-images/:id`, product: 'public', resource: 'local_image', handler: getLocalImage },
]
