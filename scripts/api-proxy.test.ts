import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SCW_API_URL, apiProxy, resolveApiTarget } from './api-proxy.ts'

interface Echo {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
}

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** What reached the fake upstream, in order. */
const received: Echo[] = []

/** An upstream that echoes the request as JSON, answers `/redirect` with a 302 and sets a cookie on `/cookie`. */
const upstream = http.createServer((req, res) => {
  const echo: Echo = { method: req.method ?? '', url: req.url ?? '', headers: req.headers }
  received.push(echo)
  if (req.url === '/redirect') {
    res.writeHead(302, { location: 'https://example.invalid/elsewhere' }).end()
    return
  }
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' }
  if (req.url === '/cookie') headers['set-cookie'] = 'tracker=1; Path=/'
  res.writeHead(200, headers).end(JSON.stringify(echo))
})

const listenOnLoopback = (server: http.Server) =>
  new Promise<string>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })

/** A raw HTTP request: no redirect following, no forbidden-header filtering, exact headers. */
const request = (base: string, path: string, headers: http.OutgoingHttpHeaders = {}, method = 'GET') =>
  new Promise<Reply>((resolve, reject) => {
    const req = http.request(new URL(path, base), { method, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })

let upstreamUrl = ''
let vite: ViteDevServer
let viteUrl = ''

beforeAll(async () => {
  upstreamUrl = await listenOnLoopback(upstream)
  vite = await createServer({
    configFile: false,
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1', strictPort: false, proxy: apiProxy(upstreamUrl), ws: false },
  })
  await vite.listen()
  viteUrl = `http://127.0.0.1:${(vite.httpServer?.address() as AddressInfo).port}`
})

afterAll(async () => {
  await vite?.close()
  await new Promise((resolve) => upstream.close(resolve))
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

  it('forwards the method and maps /api alone to /', async () => {
    await request(viteUrl, '/api/iam/v1alpha1/api-keys/SCWXXXXXXXXXXXXXXXXX', {}, 'DELETE')
    await request(viteUrl, '/api')
    expect(received.map((r) => `${r.method} ${r.url}`)).toEqual(['DELETE /iam/v1alpha1/api-keys/SCWXXXXXXXXXXXXXXXXX', 'GET /'])
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
    const reply = await request(viteUrl, '/api/redirect')
    expect(reply.status).toBe(302)
    expect(reply.headers.location).toBe('https://example.invalid/elsewhere')
    expect(received.map((r) => r.url)).toEqual(['/redirect'])
  })

  it('drops Set-Cookie from upstream responses', async () => {
    const reply = await request(viteUrl, '/api/cookie')
    expect(reply.status).toBe(200)
    expect(reply.headers['set-cookie']).toBeUndefined()
  })

  it('does not proxy paths that merely start with /api', async () => {
    await request(viteUrl, '/apix')
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
    server = await preview({
      configFile: false,
      logLevel: 'silent',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', proxy: apiProxy(upstreamUrl) },
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
