/** Looking up the Instance resources a request names, with the caller's access checked on their project. */
import { getOr404, invalidArgument, type ArgumentDetail } from '../errors.ts'
import { type Ctx, existingProject, requireAccess } from '../http.ts'
import { isUuid } from '../ids.ts'
import type { FlexibleIp, Server, ZoneData } from '../store.ts'

export const findServer = (ctx: Ctx, data: ZoneData, access: 'read' | 'write', action?: string): Server => {
  const server = getOr404(data.servers, ctx.params.id ?? '', 'instance_server')
  requireAccess(ctx, 'instance', access, 'server', server.project, action)
  return server
}

/**
 * Refuses to attach an IP of `ipProject` to a server of another project. Modelled: no recording or spec text shows
 * the real answer; 400 invalid_arguments on the request argument naming the server (`server`) or the IP
 * (`public_ip` / `public_ips` of POST /servers), reason "constraint", in the recorded Scaleway error shape.
 */
export const sameProjectOrRefuse = (argumentName: string, ipProject: string, serverProject: string): void => {
  if (ipProject === serverProject) return
  throw invalidArgument(argumentName, 'constraint',
    `the flexible IP belongs to project ${ipProject} and the server to project ${serverProject}: an IP can only be attached to a server of the same project`)
}

/** By UUID or by IPv4 address; the 404 names an address as `<address>/32` (or `/128`), as recorded. */
export const findIp = (ctx: Ctx, data: ZoneData, access: 'read' | 'write', action?: string): FlexibleIp => {
  const key = ctx.params.ip ?? ''
  const byId = isUuid(key)
  const shown = byId ? key : key.includes(':') ? `${key}/128` : `${key}/32`
  const ip = getOr404(data.ips, byId ? key : data.ipByAddress.get(key) ?? '', 'instance_ip', shown)
  requireAccess(ctx, 'instance', access, 'ip', ip.project, action)
  return ip
}

/** Resolves `project` / `organization` from a create body (project wins; organization alone = default project). */
export const resolveProject = (ctx: Ctx, body: Record<string, unknown>, details: ArgumentDetail[]): string | undefined => {
  const project = body.project ?? body.project_id
  const organization = body.organization ?? body.organization_id
  if (project !== undefined && project !== null) return existingProject(ctx, project, 'project', details)
  if (organization !== undefined && organization !== null) {
    if (organization !== ctx.store.organizationId) {
      details.push({ argument_name: 'organization', reason: 'constraint', help_message: 'unknown organization' })
      return undefined
    }
    return ctx.store.organizationId
  }
  details.push({ argument_name: 'project', reason: 'required', help_message: 'required key not provided' })
  return undefined
}
