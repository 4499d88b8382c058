/**
 * Test helpers for the /api proxy suites (scripts/api-proxy.test.ts, scripts/nginx.test.ts): a fake
 * upstream that records what reached it, and a raw HTTP(S) client that sends a path exactly as written.
 */
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { createServer as createNetServer } from 'node:net'

export interface Echo {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
}

export interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/**
 * An upstream that echoes each request as JSON and records it in `received`; a path ending in `/redirect`
 * answers a 302 to https://example.invalid/elsewhere, one ending in `/cookie` sets a cookie.
 */
export function echoUpstream(tls?: { cert: string; key: string }) {
  const received: Echo[] = []
  const handler: http.RequestListener = (req, res) => {
    const echo: Echo = { method: req.method ?? '', url: req.url ?? '', headers: req.headers }
    received.push(echo)
    if (req.url?.endsWith('/redirect')) {
      res.writeHead(302, { location: 'https://example.invalid/elsewhere' }).end()
      return
    }
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' }
    if (req.url?.endsWith('/cookie')) headers['set-cookie'] = 'tracker=1; Path=/'
    res.writeHead(200, headers).end(JSON.stringify(echo))
  }
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler)
  return {
    received,
    /** Listens on 127.0.0.1; resolves to the port. */
    listen: () =>
      new Promise<number>((resolve) => {
        server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

export interface RequestOptions {
  method?: string
  headers?: http.OutgoingHttpHeaders
  /** HTTPS without certificate checks, with this TLS server name (SNI). */
  tls?: { servername: string }
}

/** A raw request to 127.0.0.1:`port`: the path goes on the wire as written (no dot-segment resolution). */
export function request(port: number, path: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const common = { hostname: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }
    const onResponse = (res: http.IncomingMessage) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    }
    const req = options.tls
      ? https.request({ ...common, servername: options.tls.servername, rejectUnauthorized: false, agent: false }, onResponse)
      : http.request(common, onResponse)
    req.on('error', reject)
    req.end()
  })
}

/** A TCP port that was free a moment ago (for servers that cannot listen on port 0 and report it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}
