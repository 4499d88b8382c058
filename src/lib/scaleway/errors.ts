import { Errors } from '@scaleway/sdk-client'
import { NetworkError } from './client'

const { ScalewayError } = Errors

/** What the UI shows for any failure: Scaleway's own words, then what to do next. */
export interface ErrorDescription {
  title: string
  /** Scaleway's message when the API sent one, else ours. */
  message: string
  /** The next step for the user. */
  hint: string
  /** HTTP status when the API answered; undefined for network failures. */
  status?: number
  /** Whether trying again may succeed (network, 5xx, 429). */
  retryable: boolean
}

/**
 * Sign-in only: the secret authenticated, but IAM has no API key with the typed
 * access key (404 not_found, resource access_key). The pair does not belong together.
 */
export class UnknownAccessKeyError extends Error {
  override name = 'UnknownAccessKeyError'
  constructor(
    readonly accessKey: string,
    readonly scalewayMessage: string,
  ) {
    super(`No API key ${accessKey}`)
  }
}

/**
 * Nothing from Scaleway answered: the browser's fetch rejected (NetworkError), or the
 * /api proxy answered 502/504 with no Scaleway body because its upstream was unreachable.
 */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof ScalewayError) {
    return (error.status === 502 || error.status === 504) && typeof error.body === 'string'
  }
  return error instanceof NetworkError
}

export function isRetryable(error: unknown): boolean {
  if (isNetworkError(error)) return true
  if (error instanceof ScalewayError) return error.status === 429 || error.status >= 500
  return false
}

function scalewayMessage(error: InstanceType<typeof ScalewayError>, fallback: string): string {
  return error.rawMessage?.trim() || (typeof error.body === 'string' && error.body.trim()) || fallback
}

export function describeError(error: unknown): ErrorDescription {
  if (isNetworkError(error)) {
    return {
      title: 'Could not reach the Scaleway API',
      message: 'The request got no answer: the network or the /api proxy in front of Scaleway failed.',
      hint: 'Check your connection, then try again. When running the console yourself, check that the /api proxy target (SCW_API_URL) is up.',
      retryable: true,
    }
  }
  if (error instanceof UnknownAccessKeyError) {
    return {
      title: 'API key not accepted',
      message: `This API key was not accepted: Scaleway knows no access key ${error.accessKey} (Scaleway: "${error.scalewayMessage}").`,
      hint: 'Check the access key: it must be the one generated together with this secret key.',
      status: 404,
      retryable: false,
    }
  }
  if (!(error instanceof ScalewayError)) {
    return {
      title: 'Something went wrong',
      message: error instanceof Error ? error.message : String(error),
      hint: 'Try again. If it keeps happening, reload the page.',
      retryable: false,
    }
  }
  const status = error.status
  const base = { status, retryable: isRetryable(error) }

  if (error instanceof Errors.DeniedAuthenticationError) {
    const expired = error.reason === 'expired'
    return {
      ...base,
      title: expired ? 'API key expired' : 'API key not accepted',
      message: expired
        ? `This API key has expired (Scaleway: "${scalewayMessage(error, 'authentication is denied')}").`
        : `This API key was not accepted by Scaleway (Scaleway: "${scalewayMessage(error, 'authentication is denied')}").`,
      hint: expired
        ? 'Generate a new API key in the Scaleway console (IAM › API keys), then sign in with it.'
        : 'Check that the secret key belongs to this access key and that the key has not been deleted.',
    }
  }
  if (status === 401) {
    // A 401 whose body lacks method/reason is not parsed as DeniedAuthenticationError.
    return {
      ...base,
      title: 'API key not accepted',
      message: `This API key was not accepted by Scaleway (Scaleway: "${scalewayMessage(error, 'authentication is denied')}").`,
      hint: 'Sign out and sign in again with a valid key.',
    }
  }
  if (error instanceof Errors.PermissionsDeniedError) {
    const what = error.list.map((d) => `${d.action} on ${d.resource}`).join(', ')
    return {
      ...base,
      title: 'Permission denied',
      message: scalewayMessage(error, 'insufficient permissions') + (what ? ` (${what})` : ''),
      hint: 'This API key’s policies do not allow it. Ask an organization owner to grant the permission set, or use another key.',
    }
  }
  if (error instanceof Errors.InvalidArgumentsError) {
    const details = error.details
      .map((d) => `${d.argumentName}: ${d.helpMessage ?? d.reason}`)
      .join('; ')
    return {
      ...base,
      title: 'Invalid request',
      message: scalewayMessage(error, 'invalid arguments') + (details ? ` (${details})` : ''),
      hint: 'Correct the highlighted values and try again.',
    }
  }
  if (error instanceof Errors.ResourceNotFoundError) {
    return {
      ...base,
      title: 'Not found',
      message: scalewayMessage(error, `${error.resource} not found`),
      hint: 'It may have been deleted, or it lives in another zone or project. Go back to the list.',
    }
  }
  if (error instanceof Errors.TransientStateError) {
    return {
      ...base,
      title: 'Resource busy',
      message: scalewayMessage(error, `resource is ${error.currentState}`),
      hint: `The resource is ${error.currentState}. Wait for it to settle, then try again.`,
    }
  }
  if (error instanceof Errors.QuotasExceededError) {
    return {
      ...base,
      title: 'Quota exceeded',
      message: scalewayMessage(error, 'quota(s) exceeded for this resource'),
      hint: 'Delete unused resources or ask Scaleway support to raise the quota.',
    }
  }
  if (error instanceof Errors.PreconditionFailedError) {
    const protectedResource = error.precondition === 'protected_resource'
    return {
      ...base,
      title: protectedResource ? 'Refused: the resource is protected' : 'Refused by Scaleway',
      message: `${scalewayMessage(error, 'precondition is not respected')}: ${error.helpMessage || error.precondition}`,
      hint: protectedResource
        ? 'Turn protection off in its settings first, then try again.'
        : 'Fix what the message names, then try again.',
    }
  }
  if (status === 400) {
    // The Instance API's older refusals: {"type": "invalid_request_error", "message": "server should be stopped"}.
    return {
      ...base,
      title: 'Refused by Scaleway',
      message: scalewayMessage(error, error.message),
      hint: 'The resource may have changed since this page loaded; the page now shows its current state. Try again if it still applies.',
    }
  }
  if (status === 429) {
    return {
      ...base,
      title: 'Rate limited',
      message: scalewayMessage(error, 'Scaleway is rate limiting this API key (429 Too Many Requests).'),
      hint: 'Wait a few seconds; the console retries on its own.',
    }
  }
  if (status >= 500) {
    return {
      ...base,
      title: 'Scaleway API unavailable',
      message: `The Scaleway API answered ${status}${error.rawMessage ? `: ${error.rawMessage}` : '.'}`,
      hint: 'This is usually temporary. Try again in a moment; check status.scaleway.com if it persists.',
    }
  }
  return {
    ...base,
    title: `Request failed (${status})`,
    message: scalewayMessage(error, error.message),
    hint: 'Try again. If it keeps failing, check the key’s permissions on the API key page.',
  }
}

/** The API's `invalid_arguments` help message for one argument, to show on its field. */
export function invalidArgumentFor(error: unknown, argument: string): string | undefined {
  if (!(error instanceof Errors.InvalidArgumentsError)) return undefined
  const detail = error.details.find((d) => d.argumentName === argument || d.argumentName.startsWith(`${argument}.`))
  return detail ? (detail.helpMessage ?? `Scaleway refused this value (${detail.reason}).`) : undefined
}
