/**
 * The nginx recipe (deploy/nginx/scaleway-console.conf.template), run by a real nginx against fake
 * upstreams: the same /api table as the Vite proxy, the same headers as `vite preview`, the Host
 * check, HTTP/2 and upstream TLS verification. Skipped when nginx or openssl is not installed (the
 * template checks at the end run everywhere). The browser journey through nginx is e2e/nginx/.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect as tlsConnect } from 'node:tls'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FORWARDED_TARGETS, REFUSED_TARGETS } from './api-paths.fixture.ts'
import { echoUpstream, freePort, request, type RequestOptions } from './echo-upstream.fixture.ts'
import { renderNginxSite, TEMPLATE_PATH } from './nginx-config.ts'
import { findNginx, prepareLocalNginx, selfSignedCertificate } from './nginx-local.ts'
import { productionHeaders } from './security-headers.ts'

const NGINX = findNginx()
const OPENSSL = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0
const INDEX_HTML = '<!doctype html><title>console</title>'

/** Starts nginx on `port` and resolves once it accepts TLS connections. */
async function startNginx(options: { port: number; upstream: string; dir: string; root: string; trustedCa?: string }) {
  const local = prepareLocalNginx(options)
  const child = spawn(local.nginx, local.args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`)
    const ready = await request(options.port, '/', { tls: { servername: 'localhost' } }).then(() => true, () => false)
    if (ready) return child
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGTERM')
  throw new Error(`nginx did not answer on ${options.port}: ${stderr}`)
}

const stopNginx = (child: ChildProcess | undefined) =>
  new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

/** Whether a TLS handshake with this server name succeeds, and the ALPN protocol chosen. */
const handshake = (port: number, servername: string) =>
  new Promise<{ ok: boolean; alpn?: string | false | null }>((resolve) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false, ALPNProtocols: ['h2', 'http/1.1'] })
    socket.once('secureConnect', () => {
      resolve({ ok: true, alpn: socket.alpnProtocol })
      socket.end()
    })
    socket.once('error', () => resolve({ ok: false }))
  })

describe.skipIf(!NGINX || !OPENSSL)('the nginx recipe, run by nginx', () => {
  const upstream = echoUpstream()
  const { received } = upstream
  let work = ''
  let root = ''
  let port = 0
  let nginx: ChildProcess | undefined
  const send = (path: string, options: RequestOptions = {}) =>
    request(port, path, { tls: { servername: 'localhost' }, ...options, headers: { host: 'localhost', ...options.headers } })

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'nginx-recipe-'))
    root = join(work, 'dist')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), INDEX_HTML)
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export const answer = 42\n')
    // A build made with BUILD_SOURCEMAP=true: the map exists on disk and must still not be served.
    writeFileSync(join(root, 'assets', 'index-abc123.js.map'), '{"version":3}')
    port = await freePort()
    const upstreamPort = await upstream.listen()
    nginx = await startNginx({ port, upstream: `http://127.0.0.1:${upstreamPort}`, dir: join(work, 'nginx'), root })
  })

  afterAll(async () => {
    await stopNginx(nginx)
    await upstream.close()
    rmSync(work, { recursive: true, force: true })
  })

  beforeEach(() => {
    received.length = 0
  })

  it.each(FORWARDED_TARGETS)('forwards %s with /api removed, byte for byte', async (target) => {
    const reply = await send(target)
    expect(reply.status).toBe(200)
    expect(received.map((r) => r.url)).toEqual([target.slice('/api'.length)])
  })

  it.each(REFUSED_TARGETS)('refuses %s: 404, nothing forwarded', async (target) => {
    const reply = await send(target)
    expect(reply.status).toBe(404)
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(received).toEqual([])
  })

  it('refuses /api/__emulator/* for every method', async () => {
    for (const method of ['POST', 'DELETE', 'PATCH']) expect((await send('/api/__emulator/reset', { method })).status).toBe(404)
    expect(received).toEqual([])
  })

  it('drops Cookie, Origin and Referer, passes X-Auth-Token, adds no forwarding header, sends the upstream Host', async () => {
    await send('/api/account/v3/projects', {
      headers: {
        cookie: 'session=abc',
        origin: 'https://localhost',
        referer: 'https://localhost/instances?zone=fr-par-1',
        'x-auth-token': '11111111-1111-4111-8111-111111111111',
      },
    })
    const [{ headers }] = received
    expect(headers.cookie).toBeUndefined()
    expect(headers.origin).toBeUndefined()
    expect(headers.referer).toBeUndefined()
    expect(headers['x-auth-token']).toBe('11111111-1111-4111-8111-111111111111')
    expect(headers.host).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(Object.keys(headers).filter((name) => name.startsWith('x-forwarded') || name === 'forwarded' || name === 'x-real-ip')).toEqual([])
  })

  it('hands a 302 back as the API sent it, and drops Set-Cookie', async () => {
    const redirect = await send('/api/instance/v1/redirect')
    expect(redirect.status).toBe(302)
    expect(redirect.headers.location).toBe('https://example.invalid/elsewhere')
    const cookie = await send('/api/instance/v1/cookie')
    expect(cookie.status).toBe(200)
    expect(cookie.headers['set-cookie']).toBeUndefined()
    expect(received.map((r) => r.url)).toEqual(['/instance/v1/redirect', '/instance/v1/cookie'])
  })

  it('sends the production headers on /, on an asset, on the SPA fallback and on a refusal', async () => {
    for (const path of ['/', '/assets/index-abc123.js', '/instances/fr-par-1/11111111-1111-4111-8111-111111111111', '/api/__emulator/reset']) {
      const reply = await send(path)
      for (const [name, value] of Object.entries(productionHeaders)) expect(reply.headers[name.toLowerCase()], `${path} ${name}`).toBe(value)
      expect(reply.headers['strict-transport-security'], path).toBe('max-age=63072000')
    }
  })

  it('caches hashed assets for a year and revalidates index.html', async () => {
    expect((await send('/assets/index-abc123.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    for (const path of ['/', '/index.html', '/ips?zone=all']) {
      const reply = await send(path)
      expect(reply.body, path).toBe(INDEX_HTML)
      expect(reply.headers['cache-control'], path).toBe('no-cache')
    }
  })

  it('answers index.html for app paths, even undecodable ones, and 404 for missing assets and any source map', async () => {
    for (const path of ['/instances', '/instances/fr-par-1/11111111-1111-4111-8111-111111111111', '/no/such/page', '/instances/fr-par-1/%E0%A4%A', '/instances/%']) {
      const reply = await send(path)
      expect(reply.status, path).toBe(200)
      expect(reply.body, path).toBe(INDEX_HTML)
    }
    for (const path of ['/assets/missing.js', '/assets/index-abc123.js.map', '/index.js.map']) {
      const reply = await send(path)
      expect(reply.status, path).toBe(404)
      expect(reply.body, path).not.toContain('<title>console</title>')
    }
    expect((await send('/favicon.svg')).headers['content-type']).toBe('image/svg+xml')
  })

  it('never forwards an undecodable /api target (nginx cannot parse it: it answers the app)', async () => {
    const reply = await send('/api/instance/v1/zones/fr-par-1/servers/%E0%A4%A')
    expect(reply.body).toBe(INDEX_HTML)
    expect(received).toEqual([])
  })

  it('refuses any other Host (421) and any other TLS server name (no handshake)', async () => {
    expect((await send('/', { headers: { host: 'evil.example' } })).status).toBe(421)
    expect((await send('/api/account/v3/projects', { headers: { host: 'evil.example' } })).status).toBe(421)
    expect(await handshake(port, 'evil.example')).toEqual({ ok: false })
    expect(received).toEqual([])
  })

  it('speaks HTTP/2 over TLS', async () => {
    expect(await handshake(port, 'localhost')).toEqual({ ok: true, alpn: 'h2' })
  })
})

describe.skipIf(!NGINX || !OPENSSL)('the nginx recipe verifies the API certificate', () => {
  let work = ''
  let root = ''

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'nginx-upstream-tls-'))
    root = join(work, 'dist')
    mkdirSync(root)
    writeFileSync(join(root, 'index.html'), INDEX_HTML)
  })

  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('answers 502 for an upstream certificate the CA file does not trust, and forwards once it does', async () => {
    const certDir = join(work, 'upstream')
    mkdirSync(certDir)
    const { cert, key } = selfSignedCertificate(certDir)
    const upstream = echoUpstream({ cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') })
    const upstreamUrl = `https://localhost:${await upstream.listen()}`
    const run = async (name: string, trustedCa?: string) => {
      const port = await freePort()
      const nginx = await startNginx({ port, upstream: upstreamUrl, dir: join(work, name), root, trustedCa })
      try {
        return await request(port, '/api/instance/v1/zones/fr-par-1/servers', {
          tls: { servername: 'localhost' },
          headers: { host: 'localhost' },
        })
      } finally {
        await stopNginx(nginx)
      }
    }
    try {
      // The system CA bundle does not know this self-signed certificate.
      expect((await run('untrusted')).status).toBe(502)
      expect(upstream.received).toEqual([])
      const trusted = await run('trusted', cert)
      expect(trusted.status).toBe(200)
      expect(upstream.received.map((r) => `${r.url} ${r.headers.host}`)).toEqual([
        `/instance/v1/zones/fr-par-1/servers ${new URL(upstreamUrl).host}`,
      ])
    } finally {
      await upstream.close()
    }
  })
})

describe('the nginx template', () => {
  const template = readFileSync(TEMPLATE_PATH, 'utf8')
  const site = renderNginxSite({
    upstream: 'https://api.scaleway.com',
    serverName: 'console.example.com',
    root: '/srv/scaleway-console/dist',
    listen: ['443', '[::]:443'],
    tlsCertificate: '/etc/ssl/console.crt',
    tlsCertificateKey: '/etc/ssl/console.key',
  })

  it('sends exactly the headers of `vite preview` (scripts/security-headers.ts), on every answer', () => {
    const sent = Object.fromEntries([...template.matchAll(/^\s*add_header ([\w-]+) "([^"]*)" always;$/gm)].map((m) => [m[1], m[2]]))
    expect(sent).toEqual({ ...productionHeaders, 'Strict-Transport-Security': 'max-age=63072000' })
    // add_header in a location would silently drop every header of the server block there.
    const locations = template.split(/^\s*location /m).slice(1)
    expect(locations.filter((block) => block.includes('add_header'))).toEqual([])
  })

  it('renders the upstream, the TLS listeners and the verification of the API certificate', () => {
    expect(site).toContain('server api.scaleway.com:443;')
    expect(site).toContain('proxy_pass https://scw_console_api$scw_console_api_target;')
    expect(site).toContain('proxy_set_header Host api.scaleway.com;')
    expect(site).toContain('proxy_ssl_name api.scaleway.com;')
    expect(site).toContain('proxy_ssl_verify on;')
    expect(site).toContain('proxy_ssl_trusted_certificate /etc/ssl/certs/ca-certificates.crt;')
    expect(site.match(/listen \S+ ssl http2;/g)).toEqual(['listen 443 ssl http2;', 'listen [::]:443 ssl http2;'])
    expect(site).not.toMatch(/\{\{/)
  })

  it('keeps a base path of the upstream and refuses values nginx would interpret', () => {
    const base = { ...{ serverName: 'c.example', root: '/srv/dist', listen: ['443'], tlsCertificate: '/c', tlsCertificateKey: '/k' } }
    expect(renderNginxSite({ ...base, upstream: 'https://api.example.test/base/' })).toContain(
      'proxy_pass https://scw_console_api/base$scw_console_api_target;',
    )
    expect(() => renderNginxSite({ ...base, upstream: 'http://api.scaleway.com' })).toThrow(/https/)
    expect(() => renderNginxSite({ ...base, upstream: 'https://api.scaleway.com', serverName: 'a;b' })).toThrow(/interpret/)
    expect(() => renderNginxSite({ ...base, upstream: 'https://api.scaleway.com', root: '/srv/dist; include /etc/shadow' })).toThrow(/interpret/)
    expect(() => renderNginxSite({ ...base, upstream: 'https://api.scaleway.com', root: 'dist' })).toThrow(/absolute/)
  })
})
