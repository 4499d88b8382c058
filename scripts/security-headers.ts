/**
 * The headers every answer of the console carries, in `vite preview` (vite.config.ts) and in the
 * nginx recipe (deploy/nginx/scaleway-console.conf.template; scripts/nginx-config.test.ts holds the
 * template to these values, e2e/nginx/ checks what nginx sends).
 *
 * The built app only talks to its own origin (/api is same-origin), loads no third-party code and
 * is never framed. Dev mode needs inline scripts for React Refresh, so the strict policy applies
 * to the production build only.
 */
export const securityHeaders = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
} as const

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ')

/** What the production build is served with (`vite preview`, nginx). */
export const productionHeaders = {
  ...securityHeaders,
  'Content-Security-Policy': contentSecurityPolicy,
} as const
