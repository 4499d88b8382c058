/**
 * Scaleway error bodies, as documented in the recordings' README (error table).
 * Instance API errors are serialized "Python style" with `type` first; IAM/Account errors are compact
 * with sorted keys. The `style` of a response is chosen by the router from the API family.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

export type ArgumentReason = 'required' | 'format' | 'constraint' | 'unknown'

export class ApiError extends Error {
  readonly status: number
  readonly body: JsonObject

  constructor(status: number, body: JsonObject) {
    super(typeof body.message === 'string' ? body.message : 'error')
    this.status = status
    this.body = body
  }
}

export interface ArgumentDetail {
  argument_name: string
  reason: ArgumentReason
  help_message: string
}

export const invalidArguments = (details: ArgumentDetail[]): ApiError =>
  new ApiError(400, {
    type: 'invalid_arguments',
    message: 'invalid argument(s)',
    details: details.map((d) => ({ argument_name: d.argument_name, reason: d.reason, help_message: d.help_message })),
  })

export const invalidArgument = (argumentName: string, reason: ArgumentReason, helpMessage: string): ApiError =>
  invalidArguments([{ argument_name: argumentName, reason, help_message: helpMessage }])

export const notFound = (resource: string, resourceId: string): ApiError =>
  new ApiError(404, { type: 'not_found', message: 'resource is not found', resource, resource_id: resourceId })

/** The stored resource, or Scaleway's 404 for it (`resourceId`: the id the 404 names, when not the key). */
export function getOr404<T>(items: ReadonlyMap<string, T>, id: string, resource: string, resourceId = id): T {
  const item = items.get(id)
  if (item === undefined) throw notFound(resource, resourceId)
  return item
}

export const transientState = (resource: string, resourceId: string, currentState: string): ApiError =>
  new ApiError(409, {
    type: 'transient_state',
    message: 'resource is in a transient state',
    resource,
    resource_id: resourceId,
    current_state: currentState,
  })

/** Legacy Instance-only shape, e.g. `{"message": "server should be running", "type": "invalid_request_error"}`. */
export const invalidRequest = (message: string): ApiError =>
  new ApiError(400, { type: 'invalid_request_error', message })

/** 412, shaped like `error_secret_412_precondition_failed.json`. */
export const preconditionFailed = (precondition: 'protected_resource' | 'resource_still_in_use', helpMessage: string): ApiError =>
  new ApiError(412, {
    type: 'precondition_failed',
    message: 'precondition is not respected',
    precondition,
    help_message: helpMessage,
  })

export const permissionsDenied = (details: { action: string; resource: string }[]): ApiError =>
  new ApiError(403, {
    type: 'permissions_denied',
    message: 'insufficient permissions',
    details: details.map((d) => ({ action: d.action, resource: d.resource })),
  })

export const deniedAuthentication = (reason: 'not_found' | 'expired' | 'invalid_argument'): ApiError =>
  new ApiError(401, { type: 'denied_authentication', message: 'authentication is denied', method: 'api_key', reason })

export interface QuotaDetail {
  resource: string
  quota: number
  current: number
  project_id?: string
  organization_id?: string
}

export const quotasExceeded = (details: QuotaDetail[]): ApiError =>
  new ApiError(403, {
    type: 'quotas_exceeded',
    message: 'quota(s) exceeded for this resource',
    details: details.map((d) => {
      const out: JsonObject = { current: d.current, quota: d.quota, resource: d.resource }
      if (d.project_id !== undefined) out.project_id = d.project_id
      if (d.organization_id !== undefined) out.organization_id = d.organization_id
      return out
    }),
  })

export const internalError = (status: number): ApiError =>
  new ApiError(status, {
    type: status === 503 ? 'service_unavailable' : 'internal_error',
    message: status === 503 ? 'service is unavailable' : 'internal error',
  })

/** A route the emulator lacks (any method): 501, so a missing endpoint is never mistaken for a missing resource. */
export const notImplemented = (method: string, path: string): ApiError =>
  new ApiError(501, { type: 'not_implemented', message: `the emulator does not implement ${method} ${path}` })

/** A known path with another method. */
export const methodNotAllowed = (method: string, path: string): ApiError =>
  new ApiError(405, { type: 'invalid_request_error', message: `method ${method} is not allowed on ${path}` })

/** Body over the size limit (modelled: no recording shows Scaleway's answer). */
export const payloadTooLarge = (limit: number): ApiError =>
  new ApiError(413, { type: 'invalid_request_error', message: `request body is larger than ${limit} bytes` })

/** Compact JSON with keys sorted recursively (IAM / Account style). */
export const sortKeys = (value: JsonValue): JsonValue => {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {}
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key] as JsonValue)
    return out
  }
  return value
}

/** Python `json.dumps` style (`", "` and `": "` separators), as the Instance API answers. */
export const pythonJson = (value: unknown): string => {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`
  if (typeof value === 'object') {
    const parts: string[] = []
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue
      parts.push(`${JSON.stringify(key)}: ${pythonJson(v)}`)
    }
    return `{${parts.join(', ')}}`
  }
  return JSON.stringify(value)
}
