/**
 * Instance security groups: list and get, shaped like `sequences/instance--data-source-security-group-basic.json`
 * (list: `X-Total-Count` + `Link`; unknown id: 404 `instance_security_group`). The seed and every new server's
 * project get a "Default security group" per zone (model.ts); `servers` lists the servers using a group.
 */
import { getOr404 } from '../errors.ts'
import {
  boolQuery, type Ctx, json, queryList, type Reply, requireAccess, type Route, uuidQuery, zoneParam,
} from '../http.ts'
import { instanceList } from '../pagination.ts'
import type { Server, ZoneData } from '../store.ts'
import { renderSecurityGroup } from './render.ts'

const membersByGroup = (data: ZoneData): Map<string, Server[]> => {
  const members = new Map<string, Server[]>()
  for (const server of data.servers.values()) {
    const list = members.get(server.securityGroupId)
    if (list) list.push(server)
    else members.set(server.securityGroupId, [server])
  }
  return members
}

const listSecurityGroups = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const q = ctx.query
  const readScope = requireAccess(ctx, 'instance', 'read', 'security_group')
  const project = uuidQuery(q, 'project')
  const organization = uuidQuery(q, 'organization')
  const name = q.get('name')?.toLowerCase() || undefined
  const tags = queryList(q, 'tags')
  const projectDefault = boolQuery(q, 'project_default')
  const { page, headers } = instanceList(q, '/security_groups', {
    items: data.securityGroups.values(),
    keep: (g) =>
      (readScope === 'all' || readScope.has(g.project)) &&
      (!project || g.project === project) &&
      (!organization || g.organization === organization) &&
      (!name || g.name.toLowerCase().includes(name)) &&
      tags.every((t) => g.tags.includes(t)) &&
      (projectDefault === undefined || g.projectDefault === projectDefault),
  })
  const members = membersByGroup(data)
  return json({ security_groups: page.map((g) => renderSecurityGroup(g, members.get(g.id) ?? [])) }, 200, headers)
}

const getSecurityGroup = (ctx: Ctx): Reply => {
  const { data } = zoneParam(ctx)
  const group = getOr404(data.securityGroups, ctx.params.id ?? '', 'instance_security_group')
  requireAccess(ctx, 'instance', 'read', 'security_group', group.project)
  return json({ security_group: renderSecurityGroup(group, membersByGroup(data).get(group.id) ?? []) })
}

const Z = '/instance/v1/zones/:zone'
export const securityGroupRoutes: Route[] = [
  { method: 'GET', pattern: `${Z}/security_groups`, product: 'instance', resource: 'security_group', handler: listSecurityGroups },
  { method: 'GET', pattern: `${Z}/security_groups/:id`, product: 'instance', resource: 'security_group', handler: getSecurityGroup },
]
