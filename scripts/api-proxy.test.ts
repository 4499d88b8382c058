import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FORWARDED_TARGETS, REFUSED_TARGETS } from './api-paths.fixture.ts'
import { DEFAULT_SCW_API_URL, apiProxy, isScalewayApiPath, resolveApiTarget } from './api-proxy.ts'
import { appServer } from './app-server.ts'
import { echoUpstream, request as rawRequest, type Echo } from './echo-upstream.fixture.ts'
import { productionHeaders, securityHeaders } from './security-headers.ts'

const upstream = echoUpstream()
/** What reached the fake upstream, in order. */
const { received } = upstream

/** A raw HTTP request: no redirect following, no forbidden-header filtering, exact headers, path as written. */
const request = (base: string, path: string, headers: http.OutgoingHttpHeaders = {}, method = 'GET') =>
  rawRequest(Number(new URL(base).port), path, { headers, method })

const INDEX_HTML = '<!doctype html><title>console</title>'

let upstreamUrl = ''
let vite: ViteDevServer
let viteUrl = ''
let bare: ViteDevServer
let bareUrl = ''
let root = ''

const devServer = async (plugins: ReturnType<typeof appServer>[]) => {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins,
    server: { port: 0, host: '127.0.0.1', strictPort: false, proxy: apiProxy(upstreamUrl), ws: false, headers: securityHeaders },
  })
  await server.listen()
  return { server, url: `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}` }
}

beforeAll(async () => {
  upstreamUrl = `http://127.0.0.1:${await upstream.listen()}`
  root = mkdtempSync(join(tmpdir(), 'api-proxy-dev-'))
  writeFileSync(join(root, 'index.html'), INDEX_HTML)
  ;({ server: vite, url: viteUrl } = await devServer([appServer()]))
  // The proxy alone, without the plugin that answers refusals first: it must refuse by itself.
  ;({ server: bare, url: bareUrl } = await devServer([]))
})

afterAll(async () => {
  await vite?.close()
  await bare?.close()
  await upstream.close()
  rmSync(root, { recursive: true, force: true })
})

beforeEach(() => {
  received.length = 0
})

describe('apiProxy through a real Vite dev server', () => {
  it('strips /api and keeps the path and query', async () => {
    const reply = await request(viteUrl, '/api/instance/v1/zones/fr-par-1/servers?page=2&per_page=50')
    expect(reply.status).toBe(200)
    expect(received.map((r) => r.url)).toEqual(['/instance/v1/zones/fr-par-1/servers?page=2&per_page=50'])
    expect((JSON.parse(reply.body) as Echo).url).toBe('/instance/v1/zones/fr-par-1/servers?page=2&per_page=50')
  })

  it.each(FORWARDED_TARGETS)('forwards %s with /api removed, byte for byte', async (target) => {
    const reply = await request(viteUrl, target)
    expect(reply.status).toBe(200)
    expect(received.map((r) => r.url)).toEqual([target.slice('/api'.length)])
  })

  it.each(REFUSED_TARGETS)('refuses %s: 404 with the security headers, nothing forwarded', async (target) => {
    const reply = await request(viteUrl, target)
    expect(reply.status).toBe(404)
    expect(reply.body).toMatch(/Not a Scaleway API path/)
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['referrer-policy']).toBe('no-referrer')
    expect(received).toEqual([])
  })

  it('refuses the same paths with the proxy alone (no appServer plugin)', async () => {
    for (const target of REFUSED_TARGETS) {
      expect((await request(bareUrl, target)).status, target).toBe(404)
    }
    expect(received).toEqual([])
    expect((await request(bareUrl, FORWARDED_TARGETS[0])).status).toBe(200)
  })

  it('refuses every method, not only GET', async () => {
    for (const method of ['POST', 'DELETE', 'PATCH']) {
      expect((await request(viteUrl, '/api/__emulator/reset', {}, method)).status).toBe(404)
    }
    expect(received).toEqual([])
  })

  it('forwards the method', async () => {
    await request(viteUrl, '/api/iam/v1alpha1/api-keys/SCWXXXXXXXXXXXXXXXXX', {}, 'DELETE')
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual(['DELETE /iam/v1alpha1/api-keys/SCWXXXXXXXXXXXXXXXXX'])
  })

  it('forwards a badly percent-encoded API path as is (the API answers it)', async () => {
    expect((await request(viteUrl, '/api/instance/v1/zones/fr-par-1/servers/%E0%A4%A')).status).toBe(200)
    expect(received.map((r) => r.url)).toEqual(['/instance/v1/zones/fr-par-1/servers/%E0%A4%A'])
  })

  it('answers index.html for an app path it cannot decode, instead of an empty 404', async () => {
    for (const path of ['/instances/fr-par-1/%E0%A4%A', '/instances/%', '/ips?zone=%E0']) {
      const reply = await request(viteUrl, path, { accept: 'text/html' })
      expect(reply.status, path).toBe(200)
      expect(reply.body, path).toContain('<title>console</title>')
      expect(reply.headers['x-frame-options'], path).toBe('DENY')
    }
    expect(received).toEqual([])
  })

  it('drops cookie, origin and referer, and passes X-Auth-Token untouched', async () => {
    const secret = '11111111-1111-4111-8111-111111111111'
    await request(viteUrl, '/api/account/v3/projects', {
      cookie: 'session=abc',
      origin: 'http://localhost:5173',
      referer: 'http://localhost:5173/instances?zone=fr-par-1',
      'x-auth-token': secret,
    })
    const [{ headers }] = received
    expect(headers.cookie).toBeUndefined()
    expect(headers.origin).toBeUndefined()
    expect(headers.referer).toBeUndefined()
    expect(headers['x-auth-token']).toBe(secret)
  })

  it('adds no credentials nor forwarding headers of its own', async () => {
    await request(viteUrl, '/api/instance/v1/zones/fr-par-1/servers')
    const [{ headers }] = received
    expect(headers.authorization).toBeUndefined()
    expect(headers['x-auth-token']).toBeUndefined()
    expect(Object.keys(headers).filter((name) => name.startsWith('x-forwarded'))).toEqual([])
  })

  it("sends the upstream's host (changeOrigin)", async () => {
    await request(viteUrl, '/api/instance/v1/zones/fr-par-1/servers', { host: 'localhost:5173' })
    expect(received[0].headers.host).toBe(new URL(upstreamUrl).host)
  })

  it('hands a 302 back to the client instead of following it', async () => {
    const reply = await request(viteUrl, '/api/instance/v1/redirect')
    expect(reply.status).toBe(302)
    expect(reply.headers.location).toBe('https://example.invalid/elsewhere')
    expect(received.map((r) => r.url)).toEqual(['/instance/v1/redirect'])
  })

  it('drops Set-Cookie from upstream responses', async () => {
    const reply = await request(viteUrl, '/api/instance/v1/cookie')
    expect(reply.status).toBe(200)
    expect(reply.headers['set-cookie']).toBeUndefined()
  })

  it('does not proxy paths that merely start with /api (they are app paths)', async () => {
    expect((await request(viteUrl, '/apix', { accept: 'text/html' })).body).toContain('<title>console</title>')
    await request(viteUrl, '/apix/instance/v1/zones/fr-par-1/servers')
    await request(viteUrl, '/src/api/queries.ts')
    expect(received).toEqual([])
  })
})

describe('apiProxy through vite preview', () => {
  let server: PreviewServer
  let previewUrl = ''
  let outDir = ''

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'api-proxy-preview-'))
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>preview</title>')
    mkdirSync(join(outDir, 'assets'))
    writeFileSync(join(outDir, 'assets', 'index-abc123.js'), 'export {}\n')
    server = await preview({
      configFile: false,
      logLevel: 'silent',
      plugins: [appServer()],
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', proxy: apiProxy(upstreamUrl), headers: productionHeaders },
    })
    previewUrl = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await server?.close()
    rmSync(outDir, { recursive: true, force: true })
  })

  it('forwards /api/* the same way and strips the same headers', async () => {
    const reply = await request(previewUrl, '/api/instance/v1/zones/nl-ams-1/servers?page=1', {
      cookie: 'a=b',
      'x-auth-token': 'token',
    })
    expect(reply.status).toBe(200)
    expect(received).toHaveLength(1)
    expect(received[0].url).toBe('/instance/v1/zones/nl-ams-1/servers?page=1')
    expect(received[0].headers.cookie).toBeUndefined()
    expect(received[0].headers['x-auth-token']).toBe('token')
  })

  it('refuses /api/__emulator/* and other non-API paths', async () => {
    for (const target of REFUSED_TARGETS) {
      const reply = await request(previewUrl, target)
      expect(reply.status, target).toBe(404)
      expect(reply.headers['content-security-policy'], target).toBe(productionHeaders['Content-Security-Policy'])
    }
    expect(received).toEqual([])
  })

  it('answers index.html with the production headers for an undecodable app path', async () => {
    const reply = await request(previewUrl, '/instances/fr-par-1/%E0%A4%A', { accept: 'text/html' })
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('<title>preview</title>')
    for (const [name, value] of Object.entries(productionHeaders)) expect(reply.headers[name.toLowerCase()], name).toBe(value)
  })

  it('serves built assets and answers 404 (not index.html) for missing ones and unbuilt source maps', async () => {
    expect((await request(previewUrl, '/assets/index-abc123.js')).status).toBe(200)
    for (const path of ['/assets/index-abc123.js.map', '/assets/missing.js', '/assets/%E0']) {
      const reply = await request(previewUrl, path, { accept: '*/*' })
      expect(reply.status, path).toBe(404)
      expect(reply.body, path).not.toContain('<title>')
      expect(reply.headers['x-content-type-options'], path).toBe('nosniff')
    }
  })
})

describe('isScalewayApiPath', () => {
  it.each(FORWARDED_TARGETS)('allows %s', (target) => expect(isScalewayApiPath(target)).toBe(true))
  it.each(REFUSED_TARGETS)('refuses %s', (target) => expect(isScalewayApiPath(target)).toBe(false))
})

describe('resolveApiTarget', () => {
  it('defaults to the real Scaleway API', () => {
    expect(resolveApiTarget(undefined)).toBe(DEFAULT_SCW_API_URL)
    expect(resolveApiTarget('   ')).toBe(DEFAULT_SCW_API_URL)
  })

  it('strips trailing slashes and keeps a base path', () => {
    expect(resolveApiTarget('http://127.0.0.1:4010/')).toBe('http://127.0.0.1:4010')
    expect(resolveApiTarget('https://api.example.test/base//')).toBe('https://api.example.test/base')
  })

  it('allows plain http only on this machine', () => {
    expect(resolveApiTarget('http://localhost:4010')).toBe('http://localhost:4010')
    expect(resolveApiTarget('http://[::1]:4010')).toBe('http://[::1]:4010')
  })

  it.each([
    ['garbage', 'not a url', /absolute http\(s\) URL/],
    ['ftp', 'ftp://api.scaleway.com', /http or https/],
    ['javascript', 'javascript:alert(1)', /http or https/],
    ['credentials', 'https://user:pass@api.scaleway.com', /must not carry credentials/],
    ['plain http to a remote host', 'http://api.scaleway.com', /must use https unless/],
  ])('rejects %s', (_, value, message) => {
    expect(() => resolveApiTarget(value)).toThrow(message)
  })
})
