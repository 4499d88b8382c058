/**
 * Serves dist/ through the nginx recipe on this machine, without root and without touching the
 * system's nginx: everything (rendered config, self-signed certificate, pid, logs, temp files)
 * lives in one directory. The nginx e2e suite (playwright.nginx.config.ts) starts it; it also
 * works on a laptop:
 *
 *   npm run build && SCW_API_URL=http://127.0.0.1:4010 npx tsx scripts/nginx-local.ts
 *   # → https://localhost:8443 (self-signed certificate for localhost)
 *
 *   NGINX_PORT (8443)   the TLS + HTTP/2 port, on 127.0.0.1
 *   NGINX_DIR           working directory (default: e2e/.artifacts/nginx-<port>)
 *   SCW_API_URL         where /api goes (default https://api.scaleway.com)
 *   NGINX_BIN           the nginx binary (default: `nginx` on PATH, else /usr/sbin/nginx)
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_TRUSTED_CA, renderNginxSite } from './nginx-config.ts'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))

/** The nginx binary, or undefined when nginx is not installed. */
export function findNginx(): string | undefined {
  const candidates = [process.env.NGINX_BIN, 'nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/opt/homebrew/bin/nginx']
  for (const candidate of candidates) {
    if (!candidate) continue
    const probe = spawnSync(candidate, ['-v'], { stdio: 'ignore' })
    if (!probe.error && probe.status === 0) return candidate
  }
  return undefined
}

/** `nginx -v` as `nginx/1.22.1`. */
export function nginxVersion(nginx: string): string {
  const probe = spawnSync(nginx, ['-v'], { encoding: 'utf8' })
  return /nginx\/[\w.]+/.exec(probe.stderr)?.[0] ?? 'nginx (unknown version)'
}

/** The mime.types next to the binary's own nginx.conf (`--conf-path` in `nginx -V`). */
function mimeTypes(nginx: string): string {
  const { stderr } = spawnSync(nginx, ['-V'], { encoding: 'utf8' })
  const confPath = /--conf-path=(\S+)/.exec(stderr)?.[1]
  const candidates = [confPath && join(dirname(confPath), 'mime.types'), '/etc/nginx/mime.types']
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path as string))
  if (!found) throw new Error(`no mime.types found next to ${confPath ?? 'nginx.conf'}`)
  return found
}

/** A self-signed certificate for localhost and 127.0.0.1, made once per directory (needs the openssl CLI). */
export function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'localhost.crt')
  const key = join(dir, 'localhost.key')
  if (!existsSync(cert) || !existsSync(key)) {
    if (spawnSync('openssl', ['version'], { stdio: 'ignore' }).status !== 0) {
      throw new Error('openssl is not installed; it makes the self-signed certificate (Debian: apt-get install openssl)')
    }
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout', key, '-out', cert,
    ], { stdio: 'pipe' })
  }
  return { cert, key }
}

export interface LocalNginx {
  nginx: string
  dir: string
  config: string
  args: string[]
}

/** Writes nginx.conf (and the rendered site) into `dir`; returns how to start nginx on it. */
export function prepareLocalNginx(options: {
  port: number
  upstream: string
  dir: string
  root?: string
  trustedCa?: string
}): LocalNginx {
  const nginx = findNginx()
  if (!nginx) throw new Error('nginx is not installed (Debian: apt-get install nginx)')
  const dir = resolve(options.dir)
  const root = resolve(options.root ?? join(ROOT, 'dist'))
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html is missing: run \`npm run build\` first`)
  mkdirSync(join(dir, 'tmp'), { recursive: true })
  const { cert, key } = selfSignedCertificate(dir)
  // nginx loads the CA file even for a plain-http upstream (the emulator); without Debian's
  // ca-certificates any PEM will do there. An https upstream needs the real bundle.
  let trustedCa = options.trustedCa
  if (!trustedCa && !existsSync(DEFAULT_TRUSTED_CA)) {
    if (options.upstream.startsWith('https:') || !options.upstream) {
      throw new Error(`${DEFAULT_TRUSTED_CA} is missing: install ca-certificates to verify the API's certificate`)
    }
    trustedCa = cert
  }
  const site = renderNginxSite({
    upstream: options.upstream,
    serverName: 'localhost',
    root,
    listen: [`127.0.0.1:${options.port}`],
    tlsCertificate: cert,
    tlsCertificateKey: key,
    trustedCa,
  })
  writeFileSync(join(dir, 'scaleway-console.conf'), site)
  const tmp = join(dir, 'tmp')
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      '# Standalone wrapper written by scripts/nginx-local.ts: no system path is used.',
      'daemon off;',
      // As root (CI), workers would otherwise switch to `nobody`, who may not read the checkout or a
      // temp dir; this server only listens on 127.0.0.1. As any other user, nginx runs as that user.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 512; }',
      'http {',
      `    include ${mimeTypes(nginx)};`,
      '    default_type application/octet-stream;',
      '    sendfile on;',
      `    access_log ${join(dir, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `    ${name}_temp_path ${join(tmp, name)};`),
      `    include ${join(dir, 'scaleway-console.conf')};`,
      '}',
      '',
    ].join('\n'),
  )
  const config = join(dir, 'nginx.conf')
  return { nginx, dir, config, args: ['-p', dir, '-e', join(dir, 'error.log'), '-c', config] }
}

async function main(): Promise<void> {
  const port = Number(process.env.NGINX_PORT ?? 8443)
  const local = prepareLocalNginx({
    port,
    upstream: process.env.SCW_API_URL ?? '',
    dir: process.env.NGINX_DIR ?? join(ROOT, 'e2e', '.artifacts', `nginx-${port}`),
  })
  execFileSync(local.nginx, [...local.args, '-t', '-q'], { stdio: 'inherit' })
  const child = spawn(local.nginx, local.args, { stdio: 'inherit' })
  console.log(`${nginxVersion(local.nginx)} serving https://localhost:${port} (config and logs in ${local.dir})`)
  const stop = () => child.kill('SIGTERM')
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGTERM' ? 0 : 1)))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`nginx-local: ${(error as Error).message}`)
    process.exit(1)
  })
}
