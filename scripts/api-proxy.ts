import type { ProxyOptions } from 'vite'

/** Where `/api/*` goes when SCW_API_URL is not set: the real Scaleway API. */
export const DEFAULT_SCW_API_URL = 'https://api.scaleway.com'

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
 * The browser talks to its own origin; the proxy forwards to the target with the
 * `/api` prefix removed, verifies upstream TLS, never follows redirects, drops
 * cookies/origin/referer and adds no credentials of its own.
 */
export function apiProxy(target: string): Record<string, ProxyOptions> {
  return {
    '^/api(/|$)': {
      target,
      changeOrigin: true,
      secure: true,
      followRedirects: false,
      xfwd: false,
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
