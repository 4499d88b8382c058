/**
 * `npm run test:e2e:nginx`: the e2e suite of e2e/nginx/ against the built dist/ behind nginx
 * (playwright.config.ts with E2E_SERVER=nginx). Extra arguments go to `playwright test`.
 *
 * Without nginx (or openssl, for its self-signed certificate) it says so and skips, so `npm test`
 * still passes on a laptop without them; under CI (CI set, where `.ci/run` installs nginx) a
 * missing nginx is an error, never a silent skip.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findNginx, nginxVersion } from './nginx-local.ts'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))

const nginx = findNginx()
const openssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0
const missing = [!nginx && 'nginx', !openssl && 'openssl'].filter(Boolean).join(' and ')
if (missing) {
  const how = `install ${missing} (Debian/Ubuntu: sudo apt-get install ${missing}) to run it`
  if (process.env.CI) {
    console.error(`test:e2e:nginx: ${missing} not found, and CI is set: ${how}; .ci/run does.`)
    process.exit(1)
  }
  console.log(`\n  test:e2e:nginx SKIPPED: ${missing} not found; ${how}.\n`)
  process.exit(0)
}
if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
  console.error('test:e2e:nginx: dist/index.html is missing; run `npm run build` first.')
  process.exit(1)
}

console.log(`test:e2e:nginx: ${nginxVersion(nginx as string)}`)
const child = spawn(join(ROOT, 'node_modules', '.bin', 'playwright'), ['test', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, E2E_SERVER: 'nginx' },
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
