/** Instance images: list (public ones, and private ones of the caller's projects), get. */
import { getOr404 } from '../errors.ts'
import { boolQuery, type Ctx, json, queryList, type Reply, requireAccess, type Route, uuidQuery, zoneParam } from '../http.ts'
import { instanceList } from '../pagination.ts'
import { renderImage } from './render.ts'

const listImages = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'image')
  const isPublic = boolQuery(q, 'public')
  const arch = q.get('arch') || undefined
  const name = q.get('name')?.toLowerCase() || undefined
  const project = uuidQuery(q, 'project')
  const organization = uuidQuery(q, 'organization')
  const tags = queryList(q, 'tags')
  const { page, headers } = instanceList(q, '/images', {
    items: data.images.values(),
    keep: (image) =>
      (image.public || readScope === 'all' || readScope.has(image.project)) &&
      (isPublic === undefined || image.public === isPublic) &&
      (!arch || image.arch === arch) &&
      (!name || image.name.toLowerCase().includes(name)) &&
      (!project || image.project === project) &&
      (!organization || image.organization === organization) &&
      tags.every((t) => image.tags.includes(t)),
  })
  return json({ images: page.map(renderImage) }, 200, headers)
}

const getImage = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const image = getOr404(data.images, ctx.params.id ?? '', 'instance_image')
  if (!image.public) requireAccess(ctx, 'instance', 'read', 'image', image.project)
  return json({ image: renderImage(image) })
}

const Z = '/instance/v1/zones/:zone'
export const imageRoutes: Route[] = [
  { method: 'GET', pattern: `${Z}/images`, product: 'instance', resource: 'image', handler: listImages },
  { method: 'GET', pattern: `${Z}/images/:id`, product: 'instance', resource: 'image', handler: getImage },
]
