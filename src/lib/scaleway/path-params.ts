import { isKnownZone } from './localities'

/**
 * Every id or zone that ends up in a request path goes through here first. The SDK
 * pastes path parameters into the URL as they are (`validatePathParam` only checks
 * they are not empty), so an id taken from a URL, a form or an answer could otherwise
 * walk the path (`../../iam/v1alpha1/api-keys?`) and send the key somewhere else.
 */
export class InvalidPathParamError extends Error {
  override name = 'InvalidPathParamError'
  constructor(
    readonly param: string,
    readonly value: string,
  ) {
    super(`“${value}” is not a valid ${param}`)
  }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value)
}

/** A resource id (server, IP, volume, security group, project): a UUID, or it throws. */
export function uuidParam(value: string, param = 'id'): string {
  if (!isUuid(value)) throw new InvalidPathParamError(param, value)
  return value
}

/** A zone the console knows, or it throws. */
export function zoneParam(value: string): string {
  if (!isKnownZone(value)) throw new InvalidPathParamError('zone', value)
  return value
}

const ACCESS_KEY_RE = /^SCW[A-Z0-9]{17}$/i

/** An IAM access key (SCW + 17 letters or digits), the id of `/iam/v1alpha1/api-keys/{access_key}`, or it throws. */
export function accessKeyParam(value: string): string {
  if (!ACCESS_KEY_RE.test(value)) throw new InvalidPathParamError('access key', value)
  return value
}
