/**
 * HTTP plumbing: table-driven router, auth, faults, latency, request log, serialization.
 * Instance v1 bodies are Python-style JSON (`", "` / `": "`); every other API (Instance v2alpha1, Block, VPC, IPAM,
 * Marketplace, IAM, Account) answers compact JSON, and its error bodies have sorted keys (as recorded). JSON answers
 * use exactly `Content-Type: application/json` (the SDK compares it verbatim); user_data values are `text/plain`.
 * 204 answers keep `Content-Type: application/json` and an empty body, as in the recordings.
 *
 * A request goes: latency -> injected fault -> body (413 over MAX_BODY; kept redacted for the log, knobs.ts
 * loggedBody) -> authentication -> settle transitions (servers, IP attaches, Block volumes and snapshots being
 * created, private NICs attaching: explicitly, before routing) -> route (405 for a known path with another method, 501
 * for a route the emulator lacks) -> path parameters (400 when badly percent-encoded) -> route-level permission
 * (none for `public` routes) -> JSON body (kept as text for `rawBody` routes) -> handler.
 * Nothing a client sends may crash the process: every request runs inside a try, and the request target is parsed
 * without `new URL` (which throws on e.g. `//`).
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { accountRoutes } from './account.ts'
import { accessKeyForToken, authenticate, scopeOf } from './auth.ts'
import { blockRoutes } from './block.ts'
import {
  ApiError, internalError, invalidArgument, type JsonValue, methodNotAllowed, notImplemented, payloadTooLarge,
  permissionsDenied, pythonJson, sortKeys,
} from './errors.ts'
import type { Ctx, Reply, Route } from './http.ts'
import { iamRoutes } from './iam.ts'
import { iamWriteRoutes } from './iam-writes.ts'
import { instanceRoutes, settleAll } from './instance/index.ts'
import { ipamRoutes } from './ipam.ts'
import { type Fault, type KnobHost, type LoggedRequest, loggedBody, loggedContextHeaders, MAX_LOG, pickFault, runKnob } from './knobs.ts'
import { marketplaceRoutes } from './marketplace.ts'
import { productCatalogRoutes } from './product-catalog.ts'
import { seedStore } from './seed.ts'
import type { Store } from './store.ts'
import { vpcRoutes } from './vpc.ts'

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

/** Request bodies above this many bytes answer 413 (the body is drained, the connection kept). */
export const MAX_BODY = 1_000_000

/** Resource named by a route-level 403 when the route does not say (IAM / Account tables). */
const RESOURCE_BY_SEGMENT: Record<string, string> = {
  'api-keys': 'api_key', users: 'user', applications: 'application', policies: 'policy', rules: 'policy',
  projects: 'project',
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
  return { ...route, regex: new RegExp(`^${segments.join('/')}/?$`), names, resource: route.resource ?? RESOURCE_BY_SEGMENT[last] ?? last }
}

/** Every product the emulator serves; any other route answers 501 naming it. */
const ROUTES: CompiledRoute[] = [
  ...instanceRoutes, ...blockRoutes, ...marketplaceRoutes, ...productCatalogRoutes, ...vpcRoutes, ...ipamRoutes,
  ...iamRoutes, ...iamWriteRoutes, ...accountRoutes,
].map(compile)

const TOO_LARGE = Symbol('body too large')

/** The request body as text, or TOO_LARGE once it passes MAX_BODY (the rest is read and dropped, never kept). */
const readBody = (req: IncomingMessage): Promise<string | typeof TOO_LARGE> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) chunks.length = 0
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_BODY ? TOO_LARGE : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

const hasBody = (method: string): boolean => method !== 'GET' && method !== 'DELETE' && method !== 'HEAD'

/** Path and raw query of a request target, without `new URL` (which throws on targets such as `//`). */
const parseTarget = (raw: string): { path: string; rawQuery: string } => {
  let target = raw
  if (/^https?:\/\//i.test(target)) {
    // Absolute form (`GET http://host/path`): keep what follows the authority.
    const slash = target.indexOf('/', target.indexOf('//') + 2)
    target = slash < 0 ? '/' : target.slice(slash)
  }
  const hash = target.indexOf('#')
  if (hash >= 0) target = target.slice(0, hash)
  const q = target.indexOf('?')
  const path = q < 0 ? target : target.slice(0, q)
  return { path: path === '' ? '/' : path, rawQuery: q < 0 ? '' : target.slice(q + 1) }
}

const decodeParam = (name: string, value: string): string => {
  try {
    return decodeURIComponent(value)
  } catch {
    // Modelled: no recording shows how Scaleway answers a badly percent-encoded path.
    throw invalidArgument(name, 'format', 'value is not valid percent-encoding')
  }
}

/** The caller's X-Auth-Token ('' when none), only to keep it out of the request log. */
const tokenOf = (req: IncomingMessage): string => {
  const token = req.headers['x-auth-token']
  return (Array.isArray(token) ? token.join(',') : token) ?? ''
}

const send = (res: ServerResponse, status: number, body: string | null, headers: Record<string, string> = {}, json = true): void => {
  const out: Record<string, string | number> = { ...headers }
  if (json) out['Content-Type'] = 'application/json'
  if (body !== null) out['Content-Length'] = Buffer.byteLength(body)
  res.writeHead(status, out)
  res.end(body ?? undefined)
}

export const createEmulator = (initial: EmulatorOptions = {}): Emulator => {
  const clock = initial.now ?? Date.now
  let store: Store = seedStore(initial.seedServers)
  let transitionMs = initial.transitionMs ?? 4000
  let latencyMs = initial.latencyMs ?? 0
  let offset = 0
  let faults: Fault[] = []
  let log: LoggedRequest[] = []
  let http: HttpServer | null = null
  /** Where `listen` bound, so an outage can listen there again. */
  let bound: { port: number; host: string } | null = null
  let outageTimer: ReturnType<typeof setTimeout> | undefined

  const now = (): number => clock() + offset

  const reset = (next: EmulatorOptions = {}): void => {
    const options = { ...initial, ...next }
    store = seedStore(options.seedServers)
    transitionMs = options.transitionMs ?? 4000
    latencyMs = options.latencyMs ?? 0
    offset = 0
    faults = []
    log = []
  }

  const knobHost: KnobHost = {
    reset,
    setLatency: (ms) => {
      latencyMs = ms
    },
    latency: () => latencyMs,
    faults: () => faults,
    setFaults: (next) => {
      faults = next
    },
    log: () => log,
    clearLog: () => {
      log = []
    },
    advance: (ms) => {
      offset += ms
      return now()
    },
    setServerQuota: (servers) => {
      store.serverQuota = servers
    },
    outage: (ms) => {
      const server = http
      const at = bound
      if (!server || !at) return false
      clearTimeout(outageTimer)
      // After this knob's own answer has gone out.
      outageTimer = setTimeout(() => {
        if (http !== server) return
        http = null
        server.close()
        server.closeAllConnections()
        outageTimer = setTimeout(() => {
          // Closed (or listening again) meanwhile: nothing to do.
          if (bound !== at || http) return
          const next = createServer(handle)
          http = next
          next.on('error', (err) => {
            console.error('[emulator] could not listen again after the outage', err)
            if (http === next) http = null
          })
          next.listen(at.port, at.host)
        }, ms)
      }, 20)
      return true
    },
    serverQuota: () => store.serverQuota,
  }

  const record = (entry: LoggedRequest): void => {
    log.push(entry)
    if (log.length > MAX_LOG) log.splice(0, log.length - MAX_LOG)
  }

  const serialize = (path: string, body: unknown, isError: boolean): string =>
    path.startsWith('/instance/v1/') ? pythonJson(body) : JSON.stringify(isError ? sortKeys(body as JsonValue) : body)

  const sendError = (res: ServerResponse, path: string, error: ApiError): void =>
    send(res, error.status, serialize(path, error.body, true))

  const knob = async (req: IncomingMessage, res: ServerResponse, method: string, path: string): Promise<void> => {
    const raw = hasBody(method) ? await readBody(req) : ''
    if (raw === TOO_LARGE) {
      send(res, 413, JSON.stringify({ error: `request body is larger than ${MAX_BODY} bytes` }))
      return
    }
    const reply = runKnob(knobHost, method, path, raw, req.headers)
    send(res, reply.status, JSON.stringify(reply.body))
  }

  const match = (method: string, path: string): { route: CompiledRoute; values: string[] } | ApiError => {
    let knownPath = false
    for (const r of ROUTES) {
      const m = r.regex.exec(path)
      if (!m) continue
      knownPath = true
      if (r.method === method) return { route: r, values: m.slice(1) }
    }
    return knownPath ? methodNotAllowed(method, path) : notImplemented(method, path)
  }

  const api = async (req: IncomingMessage, res: ServerResponse, method: string, path: string, rawQuery: string): Promise<void> => {
    const accessKey = accessKeyForToken(store, req.headers)
    let status = 500
    let logged: string | undefined
    try {
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs))
      const fault = pickFault(faults, method, path, Math.random)
      if (fault) {
        status = fault.status
        if (fault.status === 429) send(res, 429, null, { 'X-Envoy-Ratelimited': 'true' }, false)
        else sendError(res, path, faultError(fault.status))
        return
      }
      const raw = hasBody(method) ? await readBody(req) : ''
      if (raw === TOO_LARGE) throw payloadTooLarge(MAX_BODY)
      logged = loggedBody(method, raw, [...store.secrets.keys(), tokenOf(req)])
      const caller = authenticate(store, req.headers, now())
      if (caller instanceof ApiError) throw caller
      settleAll(store, now(), transitionMs)
      const found = match(method, path)
      if (found instanceof ApiError) throw found
      const { route, values } = found
      const params = Object.fromEntries(route.names.map((n, i) => [n, decodeParam(n, values[i] ?? '')]))
      const access = method === 'GET' ? 'read' : 'write'
      const s = route.product === 'public' ? 'all' : scopeOf(store, caller, route.product, access)
      if (s !== 'all' && s.size === 0) {
        throw permissionsDenied([{ action: method === 'DELETE' ? 'delete' : access, resource: route.resource }])
      }
      let parsed: unknown
      if (!route.rawBody && raw.trim() !== '') {
        try {
          parsed = JSON.parse(raw)
        } catch {
          throw invalidArgument('body', 'format', 'request body must be valid JSON')
        }
      }
      const ctx: Ctx = {
        method, path, query: new URLSearchParams(rawQuery), params, body: parsed, raw, headers: req.headers, caller, store,
        now: now(), transitionMs, baseUrl: `http://${req.headers.host ?? '127.0.0.1'}`,
      }
      const reply: Reply = route.handler(ctx)
      status = reply.status
      if (reply.status === 204) send(res, 204, null, reply.headers)
      else if (reply.text !== undefined) send(res, reply.status, reply.text, { ...reply.headers, 'Content-Type': 'text/plain' }, false)
      else send(res, reply.status, serialize(path, reply.body, false), reply.headers)
    } catch (err) {
      const error = err instanceof ApiError ? err : internalError(500)
      if (!(err instanceof ApiError)) console.error('[emulator] unexpected error', err)
      status = error.status
      if (!res.headersSent) sendError(res, path, error)
    } finally {
      record({ method, path, query: rawQuery, status, accessKey, ...(logged === undefined ? {} : { body: logged }), ...loggedContextHeaders(req.headers) })
    }
  }

  const fail = (res: ServerResponse, err: unknown): void => {
    console.error('[emulator] request failed', err)
    if (!res.headersSent) send(res, 500, JSON.stringify({ message: 'internal error', type: 'internal_error' }))
    else res.end()
  }

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      const { path, rawQuery } = parseTarget(req.url ?? '/')
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
        ? knob(req, res, method, path)
        : api(req, res, method, path, rawQuery)
      task.catch((err: unknown) => fail(res, err))
    } catch (err) {
      fail(res, err)
    }
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
          bound = { port: address.port, host }
          resolve(`http://${host}:${address.port}`)
        })
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearTimeout(outageTimer)
        const server = http
        bound = null
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
