/**
 * HTTP plumbing: table-driven router, auth, faults, latency, request log, serialization.
 * Instance API bodies are Python-style JSON (`", "` / `": "`); IAM / Account bodies are compact; error bodies of
 * IAM / Account have sorted keys. JSON answers use exactly `Content-Type: application/json` (the SDK compares it
 * verbatim). 204 answers keep `Content-Type: application/json` and an empty body, as in the recordings.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { accountRoutes } from './account.ts'
import { accessKeyForToken, authenticate, scopeOf } from './auth.ts'
import {
  ApiError, internalError, invalidArgument, type JsonValue, permissionsDenied, pythonJson, routeNotFound, sortKeys,
} from './errors.ts'
import type { Ctx, Reply, Route } from './http.ts'
import { iamRoutes } from './iam.ts'
import { instanceRoutes, settleAll } from './instance.ts'
import { type Fault, type LoggedRequest, MAX_LOG, parseFaults, pickFault } from './knobs.ts'
import { seedStore } from './seed.ts'
import type { Store } from './store.ts'

export interface EmulatorOptions {
  seedServers?: number
  transitionMs?: number
  latencyMs?: number
  now?: () => number
}

export interface Emulator {
  handle(req: IncomingMessage, res: ServerResponse): void
  listen(port: number, host?: string): Promise<string>
  close(): Promise<void>
  reset(options?: EmulatorOptions): void
}

interface CompiledRoute extends Route {
  regex: RegExp
  names: string[]
  resource: string
}

const RESOURCE_BY_SEGMENT: Record<string, string> = {
  servers: 'server', action: 'server', ips: 'ip', images: 'image', products: 'server_type', availability: 'server_type',
  volumes: 'volume_type', 'api-keys': 'api_key', users: 'user', applications: 'application', policies: 'policy',
  rules: 'policy', projects: 'project',
}

const compile = (route: Route): CompiledRoute => {
  const names: string[] = []
  const segments = route.pattern.split('/').map((seg) => {
    if (seg.startsWith(':')) {
      names.push(seg.slice(1))
      return '([^/]+)'
    }
    return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  })
  const literal = route.pattern.split('/').filter((s) => s !== '' && !s.startsWith(':'))
  const last = literal[literal.length - 1] ?? ''
  return { ...route, regex: new RegExp(`^${segments.join('/')}/?$`), names, resource: RESOURCE_BY_SEGMENT[last] ?? last }
}

const ROUTES: CompiledRoute[] = [...instanceRoutes, ...iamRoutes, ...accountRoutes].map(compile)

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > 1_000_000) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

const send = (res: ServerResponse, status: number, body: string | null, headers: Record<string, string> = {}, json = true): void => {
  const out: Record<string, string | number> = { ...headers }
  if (json) out['Content-Type'] = 'application/json'
  if (body !== null) out['Content-Length'] = Buffer.byteLength(body)
  res.writeHead(status, out)
  res.end(body ?? undefined)
}

export const createEmulator = (initial: EmulatorOptions = {}): Emulator => {
  const clock = initial.now ?? Date.now
  let options: EmulatorOptions = { ...initial }
  let store: Store = seedStore(options.seedServers)
  let transitionMs = options.transitionMs ?? 4000
  let latencyMs = options.latencyMs ?? 0
  let offset = 0
  let faults: Fault[] = []
  let log: LoggedRequest[] = []
  let http: HttpServer | null = null

  const now = (): number => clock() + offset

  const reset = (next: EmulatorOptions = {}): void => {
    options = { ...initial, ...next }
    store = seedStore(options.seedServers)
    transitionMs = options.transitionMs ?? 4000
    latencyMs = options.latencyMs ?? 0
    offset = 0
    faults = []
    log = []
  }

  const record = (entry: LoggedRequest): void => {
    log.push(entry)
    if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG)
  }

  const serialize = (path: string, body: unknown, isError: boolean): string =>
    path.startsWith('/instance/') ? pythonJson(body) : JSON.stringify(isError ? sortKeys(body as JsonValue) : body)

  const sendError = (res: ServerResponse, path: string, error: ApiError): void =>
    send(res, error.status, serialize(path, error.body, true))

  const knob = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const method = req.method ?? 'GET'
    const raw = method === 'GET' || method === 'DELETE' ? '' : await readBody(req)
    let body: unknown = {}
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw)
      } catch {
        send(res, 400, JSON.stringify({ error: 'invalid JSON body' }))
        return
      }
    }
    const b = (body ?? {}) as Record<string, unknown>
    const ok = (value: unknown): void => send(res, 200, JSON.stringify(value))
    const bad = (message: string): void => send(res, 400, JSON.stringify({ error: message }))
    const key = `${method} ${path.replace(/\/$/, '')}`
    switch (key) {
      case 'GET /__emulator/health':
        return ok({ ok: true })
      case 'POST /__emulator/reset': {
        const seedServers = b.seedServers
        const tms = b.transitionMs
        if (seedServers !== undefined && (typeof seedServers !== 'number' || seedServers < 0)) return bad('seedServers must be a non-negative number')
        if (tms !== undefined && (typeof tms !== 'number' || tms < 0)) return bad('transitionMs must be a non-negative number')
        reset({ ...(typeof seedServers === 'number' ? { seedServers } : {}), ...(typeof tms === 'number' ? { transitionMs: tms } : {}) })
        return ok({ ok: true })
      }
      case 'POST /__emulator/latency':
        if (typeof b.ms !== 'number' || b.ms < 0) return bad('ms must be a non-negative number')
        latencyMs = b.ms
        return ok({ ms: latencyMs })
      case 'GET /__emulator/faults':
        return ok({ faults })
      case 'POST /__emulator/faults': {
        const parsed = parseFaults(body)
        if (typeof parsed === 'string') return bad(parsed)
        faults = parsed
        return ok({ faults })
      }
      case 'DELETE /__emulator/faults':
        faults = []
        return ok({ faults })
      case 'GET /__emulator/requests':
        return ok({ requests: log })
      case 'DELETE /__emulator/requests':
        log = []
        return ok({ requests: log })
      case 'POST /__emulator/time':
        if (typeof b.advanceMs !== 'number' || b.advanceMs < 0) return bad('advanceMs must be a non-negative number')
        offset += b.advanceMs
        settleAll(store, now(), transitionMs)
        return ok({ now: new Date(now()).toISOString() })
      case 'POST /__emulator/quotas':
        if (typeof b.servers !== 'number' || b.servers < 0) return bad('servers must be a non-negative number')
        store.serverQuota = b.servers
        return ok({ servers: store.serverQuota })
      default:
        send(res, 404, JSON.stringify({ error: `unknown knob ${key}` }))
    }
  }

  const api = async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, rawQuery: string): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase()
    const accessKey = accessKeyForToken(store, req.headers)
    let status = 500
    const finish = (s: number): void => {
      status = s
    }
    try {
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs))
      const fault = pickFault(faults, method, path, Math.random)
      if (fault) {
        finish(fault.status)
        if (fault.status === 429) send(res, 429, null, { 'X-Envoy-Ratelimited': 'true' }, false)
        else sendError(res, path, faultError(fault.status))
        return
      }
      const raw = method === 'GET' || method === 'DELETE' || method === 'HEAD' ? '' : await readBody(req)
      const caller = authenticate(store, req.headers, now())
      if (caller instanceof ApiError) {
        finish(caller.status)
        sendError(res, path, caller)
        return
      }
      let matchedPath = false
      let route: CompiledRoute | undefined
      let params: Record<string, string> = {}
      for (const r of ROUTES) {
        const m = r.regex.exec(path)
        if (!m) continue
        matchedPath = true
        if (r.method !== method) continue
        route = r
        params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]))
        break
      }
      if (!route) {
        const error = matchedPath
          ? new ApiError(405, { type: 'invalid_request_error', message: `method ${method} is not allowed on ${path}` })
          : routeNotFound(path)
        finish(error.status)
        sendError(res, path, error)
        return
      }
      const access = method === 'GET' ? 'read' : 'write'
      const s = scopeOf(store, caller, route.product, access)
      if (s !== 'all' && s.size === 0) {
        throw permissionsDenied([{ action: method === 'DELETE' ? 'delete' : access, resource: route.resource }])
      }
      let body: unknown
      if (raw.trim() !== '') {
        try {
          body = JSON.parse(raw)
        } catch {
          throw invalidArgument('body', 'format', 'request body must be valid JSON')
        }
      }
      const host = req.headers.host ?? '127.0.0.1'
      const ctx: Ctx = {
        method, path, query, params, body, headers: req.headers, caller, store, now: now(), transitionMs,
        baseUrl: `http://${host}`,
      }
      const reply: Reply = route.handler(ctx)
      finish(reply.status)
      if (reply.status === 204) send(res, 204, null, reply.headers)
      else send(res, reply.status, serialize(path, reply.body, false), reply.headers)
    } catch (err) {
      const error = err instanceof ApiError ? err : internalError(500)
      if (!(err instanceof ApiError)) console.error('[emulator] unexpected error', err)
      finish(error.status)
      if (!res.headersSent) sendError(res, path, error)
    } finally {
      record({ method, path, query: rawQuery, status, accessKey })
    }
  }

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://emulator.local')
    const path = url.pathname
    const method = (req.method ?? 'GET').toUpperCase()
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        Allow: 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, X-Auth-Token',
        'Access-Control-Expose-Headers': 'X-Total-Count, Link, Location',
      })
      res.end()
      return
    }
    const task = path.startsWith('/__emulator/') || path === '/__emulator'
      ? knob(req, res, path)
      : api(req, res, path, url.searchParams, url.search.replace(/^\?/, ''))
    task.catch((err: unknown) => {
      console.error('[emulator] request failed', err)
      if (!res.headersSent) send(res, 500, JSON.stringify({ message: 'internal error', type: 'internal_error' }))
      else res.end()
    })
  }

  return {
    handle,
    reset,
    listen: (port: number, host = '127.0.0.1') =>
      new Promise<string>((resolve, reject) => {
        const server = createServer(handle)
        http = server
        server.once('error', reject)
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo
          resolve(`http://${host}:${address.port}`)
        })
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        const server = http
        if (!server) {
          resolve()
          return
        }
        http = null
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}

const faultError = (status: number): ApiError => {
  switch (status) {
    case 401:
      return new ApiError(401, { type: 'denied_authentication', message: 'authentication is denied', method: 'api_key', reason: 'unknown_reason' })
    case 403:
      return permissionsDenied([])
    case 404:
      return new ApiError(404, { type: 'not_found', message: 'resource is not found', resource: 'unknown', resource_id: '' })
    case 409:
      return new ApiError(409, { type: 'transient_state', message: 'resource is in a transient state', resource: 'unknown', resource_id: '', current_state: 'unknown' })
    default:
      return status >= 500 ? internalError(status) : new ApiError(status, { type: 'invalid_request_error', message: 'injected fault' })
  }
}
