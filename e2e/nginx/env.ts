/**
 * Where the nginx e2e suite (`npm run test:e2e:nginx`, E2E_SERVER=nginx) serves dist/: nginx with
 * the recipe in deploy/nginx/, TLS (self-signed for localhost) and HTTP/2, proxying /api to the
 * emulator of e2e/env.ts. Another port than the preview suite's, so both can run side by side.
 */
export const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? 5443)
export const NGINX_URL = `https://localhost:${NGINX_PORT}`
