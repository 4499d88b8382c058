import { defineConfig, devices } from '@playwright/test'
import { APP_PORT, APP_URL, CHROMIUM_ARGS, EMULATOR_PORT, EMULATOR_URL, chromiumExecutable } from './e2e/env.ts'
import { NGINX_PORT, NGINX_URL } from './e2e/nginx/env.ts'

const CI = Boolean(process.env.CI)
// `npm run test:e2e:preview` (what `npm test` runs, right after `npm run build`) or
// E2E_SERVER=preview runs the suite against the production build through `vite preview`:
// same /api proxy, plus the strict CSP, and page loads ~2x faster than the dev server.
// `npm run test:e2e` runs it against the dev server.
// `npm run test:e2e:nginx` (E2E_SERVER=nginx, also in `npm test`) runs e2e/nginx/ instead: the
// built dist/ behind nginx with the recipe of deploy/nginx/ (scripts/nginx-local.ts), over
// TLS + HTTP/2, proxying /api to the emulator.
const NGINX = process.env.E2E_SERVER === 'nginx'
const PREVIEW =
  process.env.E2E_SERVER === 'preview' || process.env.npm_lifecycle_event === 'test:e2e:preview'
// Specs that depend on the server (e2e/deployment.spec.ts) read it; workers inherit it.
process.env.E2E_SERVER = NGINX ? 'nginx' : PREVIEW ? 'preview' : 'dev'

const emulator = {
  command: 'npm run emulator',
  url: `${EMULATOR_URL}/__emulator/health`,
  env: {
    EMULATOR_PORT: String(EMULATOR_PORT),
    EMULATOR_HOST: '127.0.0.1',
    // Short enough that state transitions finish within an assertion's timeout.
    EMULATOR_TRANSITION_MS: '300',
    EMULATOR_LATENCY_MS: '0',
  },
  reuseExistingServer: !CI,
  timeout: 60_000,
  stdout: 'ignore',
  stderr: 'pipe',
} as const

const vite = {
  command: PREVIEW
    ? `npx vite preview --port ${APP_PORT} --strictPort`
    : `npx vite --port ${APP_PORT} --strictPort`,
  url: APP_URL,
  env: { PORT: String(APP_PORT), PREVIEW_PORT: String(APP_PORT), SCW_API_URL: EMULATOR_URL },
  reuseExistingServer: !CI,
  timeout: 120_000,
  stdout: 'ignore',
  stderr: 'pipe',
} as const

const nginx = {
  command: 'npx tsx scripts/nginx-local.ts',
  url: `${NGINX_URL}/`,
  ignoreHTTPSErrors: true,
  env: { NGINX_PORT: String(NGINX_PORT), SCW_API_URL: EMULATOR_URL },
  reuseExistingServer: !CI,
  timeout: 30_000,
  stdout: 'ignore',
  stderr: 'pipe',
} as const

export default defineConfig({
  testDir: NGINX ? 'e2e/nginx' : 'e2e',
  testIgnore: NGINX ? [] : ['nginx/**'],
  // One worker: the emulator is a single process with global state (seed, faults,
  // latency, request log) and every test resets it in the `emulator` fixture. Two
  // workers would reset each other's faults and read each other's request logs.
  // On a 2-core box one worker is also the fastest stable choice (the browser,
  // Vite and the emulator already share the cores).
  workers: 1,
  fullyParallel: false,
  // No retries: a flaky test is a bug to fix, not to hide.
  retries: 0,
  forbidOnly: CI,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: NGINX ? 'playwright-report/nginx' : 'playwright-report' }]],
  outputDir: NGINX ? 'test-results/nginx' : 'test-results',
  use: {
    baseURL: NGINX ? NGINX_URL : APP_URL,
    // nginx serves a self-signed certificate for localhost (scripts/nginx-local.ts).
    ignoreHTTPSErrors: NGINX,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [emulator, NGINX ? nginx : vite],
})
