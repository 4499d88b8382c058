import type { ProxyOptions } from 'vite'

/** Where `/api/*` goes when SCW_API_URL is not set: the real Scaleway API. */
export const DEFAULT_SCW_API_URL = 'https://api.scaleway.com'

/**
 * What may reach the API: the raw request target's path must have the shape of every Scaleway API,
 * `/api/<product>/v<version>/…` (`/api/instance/v1/…`, `/api/iam/v1alpha1/…`, `/api/account/v3/…`,
 * `/api/block/v1/…`; product in lower case, version `v<n>` with an optional `alpha<n>`/`beta<n>`),
 * with no dot segment (`.` or `..`, raw or percent-encoded, between `/` or `%2F`) and no backslash.
 * Anything else under /api (`/api/__emulator/reset`, `/api`, `/api/`, `/api/health`) is answered 404
 * by the app server and never forwarded. The nginx recipe spells the same three expressions in its
 * `map` (deploy/nginx/scaleway-console.conf.template); both are held to one table of paths
 * (scripts/api-paths.fixture.ts).
 */
export const API_PATH_RE = /^\/api\/[a-z][a-z0-9-]*\/v[0-9]+(?:(?:alpha|beta)[0-9]+)?\//
export const DOT_SEGMENT_RE = /(?:\/|%2f)(?:\.|%2e){1,2}(?:\/|%2f|$)/i
export const BACKSLASH_RE = /\\|%5c/i

/** Whether a request target (path and query, as received) may be forwarded to the Scaleway API. */
export function isScalewayApiPath(target: string): boolean {
  const query = target.indexOf('?')
  const path = query < 0 ? target : target.slice(0, query)
  return API_PATH_RE.test(path) && !DOT_SEGMENT_RE.test(path) && !BACKSLASH_RE.test(path)
}

/** Headers a browser adds that must never travel to the Scaleway API. */
const STRIPPED_REQUEST_HEADERS = ['cookie', 'origin', 'referer'] as const

/**
 * Reads and checks the proxy target. A typo here would otherwise surface as an
 * opaque 502 in the browser, so fail at start-up with a specific message.
 */
export function resolveApiTarget(raw: string | undefined): string {
  const value = raw?.trim() || DEFAULT_SCW_API_URL
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`SCW_API_URL must be an absolute http(s) URL, got "${value}"`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SCW_API_URL must use http or https, got "${url.protocol}"`)
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  if (url.protocol === 'http:' && !loopback) {
    // The secret travels in X-Auth-Token: plain http is only for a local emulator.
    throw new Error(`SCW_API_URL must use https unless it points at this machine (localhost), got "${value}"`)
  }
  if (url.username || url.password) {
    throw new Error('SCW_API_URL must not carry credentials')
  }
  return url.origin + url.pathname.replace(/\/+$/, '')
}

/**
 * The `/api/*` proxy shared by `vite` (dev) and `vite preview`.
 * The browser talks to its own origin; the proxy forwards Scaleway API paths only
 * (`isScalewayApiPath`; any other /api path answers 404 and is never forwarded) to the
 * target with the `/api` prefix removed, verifies upstream TLS, never follows redirects,
 * drops cookies/origin/referer and adds no credentials of its own.
 */
export function apiProxy(target: string): Record<string, ProxyOptions> {
  return {
    '^/api(?:[/?]|$)': {
      target,
      changeOrigin: true,
      secure: true,
      followRedirects: false,
      xfwd: false,
      // `false`: Vite answers 404 itself. The appServer plugin answers first (with a body and the
      // security headers); this keeps the rule when the proxy is used alone.
      bypass: (req) => (isScalewayApiPath(req.url ?? '') ? undefined : false),
      rewrite: (path) => path.replace(/^\/api/, '') || '/',
      configure: (proxy) => {
        proxy.on('proxyReq', (proxyReq) => {
          for (const header of STRIPPED_REQUEST_HEADERS) proxyReq.removeHeader(header)
        })
        proxy.on('proxyRes', (proxyRes) => {
          delete proxyRes.headers['set-cookie']
        })
      },
    },
  }
}
