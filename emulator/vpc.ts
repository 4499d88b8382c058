/**
 * VPC API v2 (regional): VPCs and Private Networks, the part a server's private NICs need
 * (`sequences/instance--private-nic-basic.json` 4-7 / 37 / 43 / 58-59, `instance--data-source-servers-private-ips.json`).
 * Creates answer 200 with the resource itself; lists `{vpcs | private_networks, total_count}` with `page` / `page_size`;
 * deletes 204; compact JSON. A Private Network created without `vpc_id` goes to the project's default VPC of the
 * region (created on first use); it gets an IPv4 /22 and an IPv6 /64 (model.ts makePrivateNetwork).
 * Unknown id: 404 `vpc` / `private_network`. Refusals nothing records, modelled as 412 `precondition_failed` /
 * `resource_still_in_use`: deleting a VPC that still has Private Networks, a Private Network that still has NICs.
 * Permissions: the Instance ones (auth.ts has no VPC product; see the README).
 */
import { randomUUID } from 'node:crypto'
import { getOr404, invalidArgument, invalidArguments, preconditionFailed, type ArgumentDetail } from './errors.ts'
import {
  bodyObject, createdOrNameOrder, type Ctx, json, noContent, optionalBool, optionalString, optionalTags, queryList, type Reply,
  requireAccess, requiredProjectId, type Route, uuidQuery,
} from './http.ts'
import { isoDate, isUuid } from './ids.ts'
import { ensureDefaultVpc, makePrivateNetwork } from './model.ts'
import { globalList } from './pagination.ts'
import { isRegion, type PrivateNetwork, type Region, type Vpc } from './store.ts'

export const regionParam = (ctx: Ctx): Region => {
  const region = ctx.params.region ?? ''
  if (!isRegion(region)) throw invalidArgument('region', 'constraint', `unknown region "${region}": must be one of fr-par, nl-ams, pl-waw, it-mil`)
  return region
}

const networksOf = (ctx: Ctx, vpc: Vpc): PrivateNetwork[] => [...ctx.store.privateNetworks.values()].filter((n) => n.vpcId === vpc.id)

const renderVpc = (ctx: Ctx, vpc: Vpc): Record<string, unknown> => ({
  id: vpc.id,
  name: vpc.name,
  tags: vpc.tags,
  organization_id: vpc.organizationId,
  created_at: isoDate(vpc.createdAt),
  updated_at: isoDate(vpc.updatedAt),
  project_id: vpc.projectId,
  is_default: vpc.isDefault,
  private_network_count: networksOf(ctx, vpc).length,
  routing_enabled: vpc.routingEnabled,
  custom_routes_propagation_enabled: true,
  transitivity_enabled: false,
  s3_integration_enabled: false,
  region: vpc.region,
})

export const renderPrivateNetwork = (network: PrivateNetwork): Record<string, unknown> => ({
  id: network.id,
  name: network.name,
  tags: network.tags,
  organization_id: network.organizationId,
  created_at: isoDate(network.createdAt),
  updated_at: isoDate(network.updatedAt),
  project_id: network.projectId,
  subnets: network.subnets.map((s) => ({
    id: s.id,
    created_at: isoDate(s.createdAt),
    updated_at: isoDate(s.createdAt),
    subnet: s.subnet,
    project_id: network.projectId,
    private_network_id: network.id,
    vpc_id: network.vpcId,
    region: network.region,
  })),
  vpc_id: network.vpcId,
  dhcp_enabled: network.dhcpEnabled,
  default_route_propagation_enabled: network.defaultRoutePropagationEnabled,
  has_s3_integration: false,
  region: network.region,
})


// ---------------------------------------------------------------------------------------------- VPCs

const listVpcs = (ctx: Ctx): Reply => {
  const region = regionParam(ctx)
  const readScope = requireAccess(ctx, 'instance', 'read', 'vpc')
  const project = uuidQuery(ctx.query, 'project_id')
  const name = ctx.query.get('name')?.toLowerCase() || undefined
  const isDefault = ctx.query.get('is_default')
  const tags = queryList(ctx.query, 'tags')
  const { page, totalCount } = globalList(ctx.query, {
    items: ctx.store.vpcs.values(),
    keep: (v) =>
      v.region === region && (readScope === 'all' || readScope.has(v.projectId)) && (!project || v.projectId === project) &&
      (!name || v.name.toLowerCase().includes(name)) && (isDefault === null || isDefault === '' || String(v.isDefault) === isDefault) &&
      tags.every((t) => v.tags.includes(t)),
    order: createdOrNameOrder(ctx.query),
  })
  return json({ vpcs: page.map((v) => renderVpc(ctx, v)), total_count: totalCount })
}

const findVpc = (ctx: Ctx, access: 'read' | 'write', action?: string): Vpc => {
  const region = regionParam(ctx)
  const vpc = ctx.store.vpcs.get(ctx.params.id ?? '')
  const found = getOr404(new Map(vpc && vpc.region === region ? [[vpc.id, vpc]] : []), ctx.params.id ?? '', 'vpc')
  requireAccess(ctx, 'instance', access, 'vpc', found.projectId, action)
  return found
}

const createVpc = (ctx: Ctx): Reply => {
  const region = regionParam(ctx)
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const projectId = requiredProjectId(ctx, body, details)
  if (details.length > 0) throw invalidArguments(details)
  requireAccess(ctx, 'instance', 'write', 'vpc', projectId)
  const vpc: Vpc = {
    id: randomUUID(), name: optionalString(body, 'name') || `vpc-${randomUUID().slice(0, 8)}`, projectId: projectId!,
    organizationId: ctx.store.organizationId, region, isDefault: false,
    // As recorded: `enable_routing: false` still answers `routing_enabled: true` (routing is always on in v2).
    routingEnabled: true, tags: optionalTags(body) ?? [], createdAt: ctx.now, updatedAt: ctx.now,
  }
  ctx.store.vpcs.set(vpc.id, vpc)
  return json(renderVpc(ctx, vpc))
}

const getVpc = (ctx: Ctx): Reply => json(renderVpc(ctx, findVpc(ctx, 'read')))

const updateVpc = (ctx: Ctx): Reply => {
  const vpc = findVpc(ctx, 'write')
  const body = bodyObject(ctx)
  const name = optionalString(body, 'name')
  const tags = optionalTags(body)
  if (name !== undefined && name !== '') vpc.name = name
  if (tags !== undefined) vpc.tags = tags
  vpc.updatedAt = ctx.now
  return json(renderVpc(ctx, vpc))
}

const deleteVpc = (ctx: Ctx): Reply => {
  const vpc = findVpc(ctx, 'write', 'delete')
  if (networksOf(ctx, vpc).length > 0) throw preconditionFailed('resource_still_in_use', 'the VPC still has Private Networks: delete them first')
  ctx.store.vpcs.delete(vpc.id)
  return noContent()
}

// ---------------------------------------------------------------------------------------------- Private Networks

const listPrivateNetworks = (ctx: Ctx): Reply => {
  const region = regionParam(ctx)
  const readScope = requireAccess(ctx, 'instance', 'read', 'private_network')
  const q = ctx.query
  const project = uuidQuery(q, 'project_id')
  const vpcId = uuidQuery(q, 'vpc_id')
  const name = q.get('name')?.toLowerCase() || undefined
  const ids = queryList(q, 'private_network_ids')
  const tags = queryList(q, 'tags')
  const { page, totalCount } = globalList(q, {
    items: ctx.store.privateNetworks.values(),
    keep: (n) =>
      n.region === region && (readScope === 'all' || readScope.has(n.projectId)) && (!project || n.projectId === project) &&
      (!vpcId || n.vpcId === vpcId) && (!name || n.name.toLowerCase().includes(name)) && (ids.length === 0 || ids.includes(n.id)) &&
      tags.every((t) => n.tags.includes(t)),
    order: createdOrNameOrder(ctx.query),
  })
  return json({ private_networks: page.map(renderPrivateNetwork), total_count: totalCount })
}

export const findPrivateNetwork = (ctx: Ctx, id: string, region: Region | undefined, access: 'read' | 'write', action?: string): PrivateNetwork => {
  const network = ctx.store.privateNetworks.get(id)
  const found = getOr404(new Map(network && (region === undefined || network.region === region) ? [[id, network]] : []), id, 'private_network')
  requireAccess(ctx, 'instance', access, 'private_network', found.projectId, action)
  return found
}

const createPrivateNetwork = (ctx: Ctx): Reply => {
  const region = regionParam(ctx)
  const body = bodyObject(ctx)
  const details: ArgumentDetail[] = []
  const projectId = requiredProjectId(ctx, body, details)
  const vpcId = body.vpc_id
  if (vpcId !== undefined && vpcId !== null && (typeof vpcId !== 'string' || !isUuid(vpcId))) {
    details.push({ argument_name: 'vpc_id', reason: 'format', help_message: 'value must be a valid UUID' })
  }
  if (details.length > 0) throw invalidArguments(details)
  requireAccess(ctx, 'instance', 'write', 'private_network', projectId)
  const vpc = typeof vpcId === 'string'
    ? getOr404(new Map([...ctx.store.vpcs].filter(([, v]) => v.region === region)), vpcId, 'vpc')
    : ensureDefaultVpc(ctx.store, region, projectId!, ctx.now)
  const network = makePrivateNetwork(ctx.store, {
    id: randomUUID(), name: optionalString(body, 'name') || `pn-${randomUUID().slice(0, 8)}`, projectId: projectId!,
    region, vpcId: vpc.id, tags: optionalTags(body) ?? [], at: ctx.now,
  })
  const propagation = optionalBool(body, 'default_route_propagation_enabled')
  if (propagation !== undefined) network.defaultRoutePropagationEnabled = propagation
  return json(renderPrivateNetwork(network))
}

const getPrivateNetwork = (ctx: Ctx): Reply => json(renderPrivateNetwork(findPrivateNetwork(ctx, ctx.params.id ?? '', regionParam(ctx), 'read')))

const updatePrivateNetwork = (ctx: Ctx): Reply => {
  const network = findPrivateNetwork(ctx, ctx.params.id ?? '', regionParam(ctx), 'write')
  const body = bodyObject(ctx)
  const name = optionalString(body, 'name')
  const tags = optionalTags(body)
  const propagation = optionalBool(body, 'default_route_propagation_enabled')
  if (name !== undefined && name !== '') network.name = name
  if (tags !== undefined) network.tags = tags
  if (propagation !== undefined) network.defaultRoutePropagationEnabled = propagation
  network.updatedAt = ctx.now
  return json(renderPrivateNetwork(network))
}

const deletePrivateNetwork = (ctx: Ctx): Reply => {
  const network = findPrivateNetwork(ctx, ctx.params.id ?? '', regionParam(ctx), 'write', 'delete')
  const inUse = [...ctx.store.zones.values()].some((z) => [...z.privateNics.values()].some((n) => n.privateNetworkId === network.id))
  if (inUse) throw preconditionFailed('resource_still_in_use', 'the Private Network still has attached resources: detach them first')
  ctx.store.privateNetworks.delete(network.id)
  return noContent()
}

const V = '/vpc/v2/regions/:region'
const route = (method: string, pattern: string, resource: string, handler: Route['handler']): Route =>
  ({ method, pattern, product: 'instance', resource, handler })
export const vpcRoutes: Route[] = [
  route('GET', `${V}/vpcs`, 'vpc', listVpcs),
  route('POST', `${V}/vpcs`, 'vpc', createVpc),
  route('GET', `${V}/vpcs/:id`, 'vpc', getVpc),
  route('PATCH', `${V}/vpcs/:id`, 'vpc', updateVpc),
  route('DELETE', `${V}/vpcs/:id`, 'vpc', deleteVpc),
  route('GET', `${V}/private-networks`, 'private_network', listPrivateNetworks),
  route('POST', `${V}/private-networks`, 'private_network', createPrivateNetwork),
  route('GET', `${V}/private-networks/:id`, 'private_network', getPrivateNetwork),
  route('PATCH', `${V}/private-networks/:id`, 'private_network', updatePrivateNetwork),
  route('DELETE', `${V}/private-networks/:id`, 'private_network', deletePrivateNetwork),
]
