import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { apiProxy, resolveApiTarget } from './scripts/api-proxy.ts'
import { appServer } from './scripts/app-server.ts'
import { productionHeaders, securityHeaders } from './scripts/security-headers.ts'

const proxy = apiProxy(resolveApiTarget(process.env.SCW_API_URL))
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

/**
 * Source maps are not part of the build unless asked for: BUILD_SOURCEMAP=true writes them next
 * to the bundles (and `vite preview` serves them), BUILD_SOURCEMAP=hidden writes them without the
 * `//# sourceMappingURL` comment (to upload to an error tracker). The nginx recipe never serves them.
 */
function sourcemap(value = ''): boolean | 'hidden' {
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  if (value === 'hidden') return 'hidden'
  throw new Error(`BUILD_SOURCEMAP must be true, hidden or false, got "${value}"`)
}

// Headers: scripts/security-headers.ts (the nginx recipe sends the same). Dev mode needs inline
// scripts for React Refresh, so the strict CSP applies to `vite preview` (the production build).
// appServer(): /api refusals, index.html for undecodable app paths, 404 for missing assets.
export default defineConfig({
  plugins: [react(), tailwindcss(), appServer()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // Bound to loopback only; allowedHosts stays at its safe default (never `true`).
  server: { host: 'localhost', port: port('PORT', 5173), strictPort: true, proxy, headers: securityHeaders },
  preview: {
    host: 'localhost',
    port: port('PREVIEW_PORT', 4173),
    strictPort: true,
    proxy,
    headers: productionHeaders,
  },
  build: { target: 'es2022', sourcemap: sourcemap(process.env.BUILD_SOURCEMAP) },
})
