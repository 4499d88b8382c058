import { createAdvancedClient, withHTTPClient, withProfile, withUserAgentSuffix, type Client } from '@scaleway/sdk-client'
import { noteResponse } from './rate-limit'
import { DEFAULT_ZONE, regionOf } from './zones'

export interface Credentials {
  accessKey: string
  secretKey: string
}

/** Nothing answered: fetch itself rejected (offline, DNS, proxy down, CORS). */
export class NetworkError extends Error {
  override name = 'NetworkError'
}

/** Where the SDK sends requests: this page's origin, through the /api proxy. */
export function apiURL(origin: string = window.location.origin): string {
  return `${origin}/api`
}

/**
 * The SDK's transport. It resolves `fetch` at call time (so tests can stub it),
 * refuses redirects (a followed redirect would resend X-Auth-Token, the secret, to
 * wherever Location points), turns a rejected fetch into a NetworkError, so "the
 * API could not be reached" is told apart from a bug that happens to throw a TypeError,
 * and notes how long a 429 asks to wait (rate-limit.ts).
 */
const httpClient: typeof fetch = (input, init) =>
  globalThis.fetch(input, { ...init, redirect: 'error' }).then(
    (response) => {
      noteResponse(response)
      return response
    },
    (cause: unknown) => {
      throw new NetworkError('The request got no answer', { cause })
    },
  )

/**
 * One SDK client per session. The secret only lives inside the client (the SDK
 * sends it as the X-Auth-Token header); nothing here logs or exposes it.
 */
export function createScalewayClient(credentials: Credentials, origin?: string): Client {
  return createAdvancedClient(
    withProfile({
      accessKey: credentials.accessKey,
      secretKey: credentials.secretKey,
      apiURL: apiURL(origin),
      defaultZone: DEFAULT_ZONE,
      defaultRegion: regionOf(DEFAULT_ZONE),
    }),
    withHTTPClient(httpClient),
    withUserAgentSuffix('scaleway-console'),
  )
}
