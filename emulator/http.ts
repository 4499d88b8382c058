/** Types shared by the router (server.ts) and the API modules. */
import type { IncomingHttpHeaders } from 'node:http'
import { type Access, type Caller, type Product, scopeAllows, scopeOf, type Scope } from './auth.ts'
import { type ArgumentDetail, invalidArgument, permissionsDenied } from './errors.ts'
import { isUuid } from './ids.ts'
import { isZone, type Store, type Zone, type ZoneData } from './store.ts'

export interface Ctx {
  method: string
  path: string
  query: URLSearchParams
  params: Record<string, string>
  /** The parsed JSON body (undefined when empty); for a `rawBody` route, undefined and the text is in `raw`. */
  body: unknown
  /** The request body as sent (text), '' when none. */
  raw: string
  headers: IncomingHttpHeaders
  caller: Caller
  store: Store
  now: number
  transitionMs: number
  /** e.g. `http://127.0.0.1:4010`, used for Location headers. */
  baseUrl: string
}

export interface Reply {
  status: number
  body?: unknown
  /** A text answer (`Content-Type: text/plain`), sent as is instead of `body`. */
  text?: string
  headers?: Record<string, string>
}

export type Handler = (ctx: Ctx) => Reply

export interface Route {
  method: string
  pattern: string
  /** Whose permissions the route needs; `public`: any authenticated caller (Marketplace, product catalogue). */
  product: Product | 'public'
  /** Resource named in a route-level 403 (`details[].resource`); defaults to one derived from the path. */
  resource?: string
  /** The body is text, not JSON (user_data): it is not parsed, the handler reads `ctx.raw`. */
  rawBody?: boolean
  handler: Handler
}

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({ status, body, headers })
export const noContent = (): Reply => ({ status: 204 })
export const text = (value: string, status = 200): Reply => ({ status, text: value })

export const scope = (ctx: Ctx, product: Product, access: Access): Scope => scopeOf(ctx.store, ctx.caller, product, access)

/** Throws 403 permissions_denied unless the caller may `access` the product (optionally in `projectId`). */
export const requireAccess = (ctx: Ctx, product: Product, access: Access, resource: string, projectId?: string, action?: string): Scope => {
  const s = scope(ctx, product, access)
  if (!scopeAllows(s, projectId)) throw permissionsDenied([{ action: action ?? access, resource }])
  return s
}

export const bodyObject = (ctx: Ctx): Record<string, unknown> => {
  if (ctx.body === undefined || ctx.body === null) return {}
  if (typeof ctx.body !== 'object' || Array.isArray(ctx.body)) throw invalidArgument('body', 'format', 'request body must be a JSON object')
  return ctx.body as Record<string, unknown>
}

export const optionalString = (body: Record<string, unknown>, name: string): string | undefined => {
  const v = body[name]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw invalidArgument(name, 'format', 'value must be a string')
  return v
}

export const optionalBool = (body: Record<string, unknown>, name: string): boolean | undefined => {
  const v = body[name]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'boolean') throw invalidArgument(name, 'format', 'value must be a boolean')
  return v
}

export const optionalTags = (body: Record<string, unknown>, name = 'tags'): string[] | undefined => {
  const v = body[name]
  if (v === undefined || v === null) return undefined
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) throw invalidArgument(name, 'format', 'value must be an array of strings')
  return v as string[]
}

/** Multi-valued query parameter: repeated keys and/or comma-separated values. */
export const queryList = (query: URLSearchParams, name: string): string[] =>
  query.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '')

/** The `:zone` path parameter and its data, or 400 invalid_arguments on `zone`. */
export const zoneParam = (ctx: Ctx): { zone: Zone; data: ZoneData } => {
  const zone = ctx.params.zone ?? ''
  if (!isZone(zone)) {
    throw invalidArgument('zone', 'constraint', `unknown zone "${zone}": must be one of ${[...ctx.store.zones.keys()].join(', ')}`)
  }
  return { zone, data: ctx.store.zones.get(zone)! }
}

/** Optional UUID query parameter (400 invalid_arguments / format otherwise). */
export const uuidQuery = (query: URLSearchParams, name: string): string | undefined => {
  const v = query.get(name)
  if (v === null || v === '') return undefined
  if (!isUuid(v)) throw invalidArgument(name, 'format', 'value must be a valid UUID')
  return v
}

/** Optional boolean query parameter (`true` / `false`). */
export const boolQuery = (query: URLSearchParams, name: string): boolean | undefined => {
  const v = query.get(name)
  if (v === null || v === '') return undefined
  if (v !== 'true' && v !== 'false') throw invalidArgument(name, 'format', 'value must be a boolean')
  return v === 'true'
}

/** Optional query parameter restricted to `values`. */
export const enumQuery = <T extends string>(query: URLSearchParams, name: string, values: readonly T[]): T | undefined => {
  const v = query.get(name)
  if (v === null || v === '') return undefined
  if (!(values as readonly string[]).includes(v)) throw invalidArgument(name, 'constraint', `value must be one of ${values.join(', ')}`)
  return v as T
}

/** The `order_by` values of the regional and zonal lists that sort by creation date or name (Block, VPC). */
const CREATED_OR_NAME = ['created_at_asc', 'created_at_desc', 'name_asc', 'name_desc'] as const

/** The comparator for `order_by` (CREATED_OR_NAME, default `created_at_asc`); a value outside it answers 400. */
export const createdOrNameOrder = (
  query: URLSearchParams,
): ((a: { name: string; createdAt: number }, b: { name: string; createdAt: number }) => number) => {
  const order = enumQuery(query, 'order_by', CREATED_OR_NAME) ?? 'created_at_asc'
  const dir = order.endsWith('_desc') ? -1 : 1
  return order.startsWith('name') ? (a, b) => dir * a.name.localeCompare(b.name) : (a, b) => dir * (a.createdAt - b.createdAt)
}

/** `value` as the project of argument `argument`: the UUID of an existing project, else a detail for Scaleway's 400. */
export const existingProject = (ctx: Ctx, value: unknown, argument: string, details: ArgumentDetail[]): string | undefined => {
  if (typeof value !== 'string' || !isUuid(value)) {
    details.push({ argument_name: argument, reason: 'format', help_message: 'value must be a valid UUID' })
    return undefined
  }
  if (!ctx.store.projects.has(value)) {
    details.push({ argument_name: argument, reason: 'constraint', help_message: `project ${value} does not exist` })
    return undefined
  }
  return value
}

/** A create body's `project_id` (Block, VPC): required, and an existing project's; otherwise a detail for the 400. */
export const requiredProjectId = (ctx: Ctx, body: Record<string, unknown>, details: ArgumentDetail[]): string | undefined => {
  const project = body.project_id
  if (project === undefined || project === null) {
    details.push({ argument_name: 'project_id', reason: 'required', help_message: 'required key not provided' })
    return undefined
  }
  return existingProject(ctx, project, 'project_id', details)
}
