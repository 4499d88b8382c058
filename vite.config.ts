import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { apiProxy, resolveApiTarget } from './scripts/api-proxy.ts'

const proxy = apiProxy(resolveApiTarget(process.env.SCW_API_URL))
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

/**
 * The built app only talks to its own origin (/api is same-origin), loads no
 * third-party code and is never framed. Dev mode needs inline scripts for React
 * Refresh, so the strict policy applies to `vite preview` (the production build).
 */
const securityHeaders = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
}
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ')

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // Bound to loopback only; allowedHosts stays at its safe default (never `true`).
  server: { host: 'localhost', port: port('PORT', 5173), strictPort: true, proxy, headers: securityHeaders },
  preview: {
    host: 'localhost',
    port: port('PREVIEW_PORT', 4173),
    strictPort: true,
    proxy,
    headers: { ...securityHeaders, 'Content-Security-Policy': contentSecurityPolicy },
  },
  build: { target: 'es2022', sourcemap: true },
})
