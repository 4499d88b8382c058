import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { apiProxy, resolveApiTarget } from './scripts/api-proxy.ts'

const proxy = apiProxy(resolveApiTarget(process.env.SCW_API_URL))
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // Bound to loopback only; allowedHosts stays at its safe default (never `true`).
  server: { host: 'localhost', port: port('PORT', 5173), strictPort: true, proxy },
  preview: { host: 'localhost', port: port('PREVIEW_PORT', 4173), strictPort: true, proxy },
  build: { target: 'es2022', sourcemap: true },
})
