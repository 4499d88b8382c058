/**
 * The bench's stack, all in this process and on random loopback ports: the emulator behind a thin HTTP server that
 * counts the API requests reaching it (and how many at once), `vite preview` of dist/ proxying /api to it, and
 * headless Chromium.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { type AddressInfo, connect, createServer as createTcpServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/env.ts'
import { createEmulator, type Emulator } from '../emulator/server.ts'
import { findNginx, prepareLocalNginx } from '../scripts/nginx-local.ts'

/** API requests as the emulator sees them: after the browser's per-host connection cap and the proxy. */
export class ApiMeter {
  inFlight = 0
  maxInFlight = 0
  total = 0
  lastChange = performance.now()

  begin(): void {
    this.inFlight++
    this.total++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    this.lastChange = performance.now()
  }

  end(): void {
    this.inFlight--
    this.lastChange = performance.now()
  }

  /** Starts a new window: total and maximum count from here (requests already in flight stay counted as such). */
  reset(): void {
    this.total = 0
    this.maxInFlight = this.inFlight
  }

  /**
   * Resolves true once no API request has been in flight for `quietMs`, or false after `timeoutMs` (a page that
   * polls faster than it is answered is never quiet).
   */
  async quiet(quietMs = 300, timeoutMs = 10_000): Promise<boolean> {
    const deadline = performance.now() + timeoutMs
    while (this.inFlight > 0 || performance.now() - this.lastChange < quietMs) {
      if (performance.now() > deadline) return false
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    return true
  }
}

export interface Stack {
  root: string
  appUrl: string
  /**
   * The same dist/ and the same emulator behind the nginx recipe (TLS + HTTP/2: no 6-connection cap), or null where
   * nginx or openssl is missing. Its certificate is self-signed: contexts ignore HTTPS errors.
   */
  nginxUrl: string | null
  emulator: Emulator
  meter: ApiMeter
  browser: Browser
  /** Back to a seed with this latency on every API request. */
  setScenario(options: { seedServers?: number; latencyMs: number }): void
  close(): Promise<void>
}

export interface BuildInfo {
  commit: string | null
  dirtyFiles: number | null
  distBuiltAt: string
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', ['--no-optional-locks', '-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return null
  }
}

/** Which source the measured dist/ comes from (read-only git queries). */
export function buildInfo(root: string): BuildInfo {
  const status = git(root, ['status', '--porcelain', '--untracked-files=no'])
  return {
    commit: git(root, ['log', '-1', '--format=%h %s']),
    dirtyFiles: status === null ? null : status.split('\n').filter(Boolean).length,
    distBuiltAt: statSync(`${root}/dist/index.html`).mtime.toISOString(),
  }
}

async function freePort(): Promise<number> {
  const server = createTcpServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function listening(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (up) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}

/** nginx with the repo's recipe in a temp directory, proxying /api to `upstream`; null (and why) where it cannot run. */
async function startNginx(root: string, upstream: string): Promise<{ url: string; stop: () => void } | null> {
  if (!findNginx() || spawnSync('openssl', ['version'], { stdio: 'ignore' }).status !== 0) {
    console.log('bench: nginx or openssl is not installed; the HTTP/2 figures are skipped')
    return null
  }
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'bench-nginx-'))
  let local: ReturnType<typeof prepareLocalNginx>
  try {
    local = prepareLocalNginx({ port, upstream, dir, root: join(root, 'dist') })
  } catch (error) {
    console.log(`bench: nginx cannot run here (${(error as Error).message}); the HTTP/2 figures are skipped`)
    rmSync(dir, { recursive: true, force: true })
    return null
  }
  const child: ChildProcess = spawn(local.nginx, local.args, { stdio: 'ignore' })
  child.on('error', (error) => console.log(`bench: nginx failed: ${error.message}`))
  const stop = () => {
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
  if (!(await listening(port, 10_000))) {
    console.log(`bench: nginx did not start (its error log was ${dir}/error.log); the HTTP/2 figures are skipped`)
    child.kill('SIGTERM')
    return null
  }
  return { url: `https://localhost:${port}`, stop }
}

export async function startStack(root: string): Promise<Stack> {
  const emulator = createEmulator({ transitionMs: 1_000 })
  const meter = new ApiMeter()
  const api = createServer((req, res) => {
    if (!req.url?.startsWith('/__emulator')) {
      meter.begin()
      res.once('close', () => meter.end())
    }
    emulator.handle(req, res)
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  // vite.config.ts reads the proxy target when it loads.
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`
  process.env.SCW_API_URL = apiUrl

  const vite = await import('vite')
  if (!existsSync(`${root}/dist/index.html`)) {
    console.log('bench: dist/ is missing, building the app first (with its manifest)…')
    await vite.build({ root, logLevel: 'warn', build: { manifest: true } })
  }
  const preview = await vite.preview({ root, logLevel: 'silent', preview: { port: 0, strictPort: false, open: false } })
  const appUrl = (preview.resolvedUrls?.local[0] ?? '').replace(/\/$/, '')
  if (!appUrl) throw new Error('vite preview did not report a URL')

  const nginx = await startNginx(root, apiUrl)
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS })

  return {
    root,
    appUrl,
    nginxUrl: nginx?.url ?? null,
    emulator,
    meter,
    browser,
    setScenario: ({ seedServers, latencyMs }) => emulator.reset({ seedServers, latencyMs, transitionMs: 1_000 }),
    close: async () => {
      await browser.close()
      nginx?.stop()
      await preview.close()
      api.closeAllConnections()
      await new Promise((resolve) => api.close(resolve))
    },
  }
}
