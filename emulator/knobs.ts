/**
 * Test knobs, served under /__emulator/ (no auth, JSON in and out), as a route table run by server.ts:
 *   GET    /__emulator/health                   -> {ok: true}
 *   POST   /__emulator/reset     {seedServers?, transitionMs?}  back to the seed; clears faults, latency, log, clock offset
 *   POST   /__emulator/latency   {ms}           added latency on every API request
 *   GET    /__emulator/faults                   -> {faults}
 *   POST   /__emulator/faults    {faults: [{path, method?, status, rate?, times?}]}  replaces the faults
 *   DELETE /__emulator/faults
 *   GET    /__emulator/requests                 -> {requests: [{method, path, query, status, accessKey, body?}]} (never
 *                                               a secret; `body`: see LoggedRequest)
 *   DELETE /__emulator/requests
 *   POST   /__emulator/time      {advanceMs}    moves the emulator clock forward -> {now}
 *   POST   /__emulator/quotas    {servers}      servers per (project, zone) quota -> {servers}
 *   POST   /__emulator/outage    {ms}           stops listening right after answering, and listens again on the same
 *                                               address `ms` later (at most MAX_OUTAGE_MS): in between, connections are
 *                                               refused, as from a stopped emulator; the state is kept -> {ms}
 * Errors: 400 `{error}` for a bad body, 404 `{error}` for an unknown knob, 403 `{error}` for a browser's
 * cross-site request (see `refuseBrowserCrossSite`).
 *
 * The knobs are for tests and scripts running on this machine (Node's fetch, curl), which send no `Origin` and
 * no `Sec-Fetch-Site`. A web page must never reach them: a cross-site page could otherwise reset the emulator or
 * read its request log with a simple `text/plain` POST or a form. The console's /api proxy never forwards
 * /__emulator/ (scripts/api-proxy.ts).
 */

export interface Fault {
  path: string
  method?: string
  status: number
  rate: number
  /** Remaining matching requests to fail; `null` = unlimited. */
  times: number | null
}

export interface LoggedRequest {
  method: string
  path: string
  query: string
  status: number
  accessKey: string | null
  /**
   * Names of the browser and forwarding headers that reached the emulator (`CONTEXT_HEADERS`), when any did;
   * absent otherwise. Values are never kept. A proxy in front of the emulator must strip them (the console's
   * /api proxy and its nginx recipe drop Cookie, Origin and Referer and add no X-Forwarded-*).
   */
  contextHeaders?: string[]
  /**
   * POST / PATCH only, when the body was JSON: the body as compact JSON text, with the values of keys that could
   * hold a secret (secret, password, token, private key…) and every known secret key replaced by "[redacted]",
   * cut to MAX_LOGGED_BODY characters (ending in "…" when cut). Absent otherwise.
   */
  body?: string
}

export const MAX_LOG = 5000
/** Longest `body` kept in a log entry (characters; under 2 KB). */
export const MAX_LOGGED_BODY = 2000
const REDACTED = '[redacted]'
const SECRET_KEY_RE = /secret|password|passphrase|token|private|credential/i

const redact = (value: unknown, secrets: readonly string[]): unknown => {
  if (typeof value === 'string') return secrets.some((s) => value.includes(s)) ? REDACTED : value
  if (Array.isArray(value)) return value.map((v) => redact(v, secrets))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [
      secrets.some((s) => k.includes(s)) ? REDACTED : k,
      SECRET_KEY_RE.test(k) ? REDACTED : redact(v, secrets),
    ]))
  }
  return value
}

/**
 * The `body` of a log entry for a request body (`raw`), or undefined. `secrets`: every secret the emulator knows
 * plus the caller's token (those under 8 characters are no Scaleway secret and are ignored); a key or string
 * containing one is replaced whole before truncation, so no part of a secret survives the cut.
 */
export const loggedBody = (method: string, raw: string, secrets: readonly string[]): string | undefined => {
  if ((method !== 'POST' && method !== 'PATCH') || raw.trim() === '') return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return undefined
  }
  const known = secrets.filter((s) => s.length >= 8)
  const text = JSON.stringify(redact(parsed, known))
  return text.length > MAX_LOGGED_BODY ? `${text.slice(0, MAX_LOGGED_BODY - 1)}…` : text
}

/** Request headers a browser or a proxy adds, recorded by name in the request log (`contextHeaders`). */
export const CONTEXT_HEADERS = [
  'cookie', 'origin', 'referer', 'forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip',
] as const

/** Headers as Node's IncomingMessage has them (lower-case names). */
export type RequestHeaders = Record<string, string | string[] | undefined>

/** `{contextHeaders}` for a log entry when the request carried any of CONTEXT_HEADERS, else `{}`. */
export const loggedContextHeaders = (headers: RequestHeaders): { contextHeaders?: string[] } => {
  const present = CONTEXT_HEADERS.filter((name) => headers[name] !== undefined)
  return present.length === 0 ? {} : { contextHeaders: present }
}

export const parseFaults = (body: unknown): Fault[] | string => {
  if (body === null || typeof body !== 'object' || !Array.isArray((body as { faults?: unknown }).faults)) {
    return 'body must be {"faults": [...]}'
  }
  const faults: Fault[] = []
  for (const raw of (body as { faults: unknown[] }).faults) {
    if (raw === null || typeof raw !== 'object') return 'each fault must be an object'
    const f = raw as Record<string, unknown>
    if (typeof f.path !== 'string' || !f.path.startsWith('/')) return 'fault.path must be a path prefix starting with "/"'
    if (typeof f.status !== 'number' || !Number.isInteger(f.status) || f.status < 400 || f.status > 599) return 'fault.status must be an HTTP error status (400-599)'
    if (f.method !== undefined && typeof f.method !== 'string') return 'fault.method must be a string'
    if (f.rate !== undefined && (typeof f.rate !== 'number' || f.rate < 0 || f.rate > 1)) return 'fault.rate must be a number between 0 and 1'
    if (f.times !== undefined && (typeof f.times !== 'number' || !Number.isInteger(f.times) || f.times < 0)) return 'fault.times must be a non-negative integer'
    faults.push({
      path: f.path,
      method: typeof f.method === 'string' ? f.method.toUpperCase() : undefined,
      status: f.status,
      rate: typeof f.rate === 'number' ? f.rate : 1,
      times: typeof f.times === 'number' ? f.times : null,
    })
  }
  return faults
}

/** Returns the fault to apply to this request (and consumes one of its `times`), if any. */
export const pickFault = (faults: Fault[], method: string, path: string, random: () => number): Fault | undefined => {
  for (const fault of faults) {
    if (fault.times !== null && fault.times <= 0) continue
    if (!path.startsWith(fault.path)) continue
    if (fault.method !== undefined && fault.method !== method) continue
    if (fault.rate < 1 && random() >= fault.rate) continue
    if (fault.times !== null) fault.times--
    return fault
  }
  return undefined
}

/** What the knobs act on (implemented by server.ts). */
export interface KnobHost {
  reset(next: { seedServers?: number; transitionMs?: number }): void
  setLatency(ms: number): void
  latency(): number
  faults(): Fault[]
  setFaults(faults: Fault[]): void
  log(): LoggedRequest[]
  clearLog(): void
  /** Moves the clock forward; returns the new emulator time (epoch ms). */
  advance(ms: number): number
  setServerQuota(servers: number): void
  serverQuota(): number
  /** Stops listening for `ms`, then listens again; false when this emulator is not listening (used in process). */
  outage(ms: number): boolean
}

/** Longest outage the knob accepts (ms): a test waits it out. */
export const MAX_OUTAGE_MS = 60_000

export interface KnobReply {
  status: number
  body: unknown
}

type KnobBody = Record<string, unknown>

interface KnobRoute {
  method: string
  path: string
  handler: (host: KnobHost, body: KnobBody, raw: unknown) => KnobReply
}

const ok = (body: unknown): KnobReply => ({ status: 200, body })
const bad = (error: string): KnobReply => ({ status: 400, body: { error } })
const nonNegative = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0

const KNOB_ROUTES: KnobRoute[] = [
  { method: 'GET', path: '/__emulator/health', handler: () => ok({ ok: true }) },
  {
    method: 'POST', path: '/__emulator/reset', handler: (host, b) => {
      if (b.seedServers !== undefined && !nonNegative(b.seedServers)) return bad('seedServers must be a non-negative number')
      if (b.transitionMs !== undefined && !nonNegative(b.transitionMs)) return bad('transitionMs must be a non-negative number')
      host.reset({
        ...(nonNegative(b.seedServers) ? { seedServers: b.seedServers } : {}),
        ...(nonNegative(b.transitionMs) ? { transitionMs: b.transitionMs } : {}),
      })
      return ok({ ok: true })
    },
  },
  {
    method: 'POST', path: '/__emulator/latency', handler: (host, b) => {
      if (!nonNegative(b.ms)) return bad('ms must be a non-negative number')
      host.setLatency(b.ms)
      return ok({ ms: host.latency() })
    },
  },
  { method: 'GET', path: '/__emulator/faults', handler: (host) => ok({ faults: host.faults() }) },
  {
    method: 'POST', path: '/__emulator/faults', handler: (host, _b, raw) => {
      const parsed = parseFaults(raw)
      if (typeof parsed === 'string') return bad(parsed)
      host.setFaults(parsed)
      return ok({ faults: host.faults() })
    },
  },
  {
    method: 'DELETE', path: '/__emulator/faults', handler: (host) => {
      host.setFaults([])
      return ok({ faults: host.faults() })
    },
  },
  { method: 'GET', path: '/__emulator/requests', handler: (host) => ok({ requests: host.log() }) },
  {
    method: 'DELETE', path: '/__emulator/requests', handler: (host) => {
      host.clearLog()
      return ok({ requests: host.log() })
    },
  },
  {
    method: 'POST', path: '/__emulator/time', handler: (host, b) => {
      if (!nonNegative(b.advanceMs)) return bad('advanceMs must be a non-negative number')
      return ok({ now: new Date(host.advance(b.advanceMs)).toISOString() })
    },
  },
  {
    method: 'POST', path: '/__emulator/quotas', handler: (host, b) => {
      if (!nonNegative(b.servers)) return bad('servers must be a non-negative number')
      host.setServerQuota(b.servers)
      return ok({ servers: host.serverQuota() })
    },
  },
  {
    method: 'POST', path: '/__emulator/outage', handler: (host, b) => {
      if (!nonNegative(b.ms) || b.ms > MAX_OUTAGE_MS) return bad(`ms must be a number from 0 to ${MAX_OUTAGE_MS}`)
      if (!host.outage(b.ms)) return { status: 409, body: { error: 'this emulator is not listening on a port of its own' } }
      return ok({ ms: b.ms })
    },
  },
]

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(',') : value)

/**
 * Host names a page can only use on purpose: `localhost` and IP literals. Any other name may be an attacker's
 * domain rebound to 127.0.0.1 (DNS rebinding), whose pages are same-origin with it.
 */
const isLocalHost = (host: string): boolean => {
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '')
  return name === 'localhost' || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(name) || /^\[[0-9a-f:.]+\]$/i.test(name)
}

const forbidden = (why: string): KnobReply => ({ status: 403, body: { error: `knobs refuse ${why}` } })

/**
 * Refuses what a web page could send: a request whose `Sec-Fetch-Site` is not `same-origin` or `none` (typed in
 * the address bar), whose `Origin` is not the emulator's own, or that a browser sends to a host name other than
 * localhost or an IP literal (DNS rebinding). A POST, PUT or PATCH with a body must say `Content-Type:
 * application/json`, which no form and no "simple" cross-site fetch can (400, like any other bad body). Returns
 * undefined when the request may go on.
 */
export const refuseBrowserCrossSite = (method: string, headers: RequestHeaders, rawBody: string): KnobReply | undefined => {
  const site = single(headers['sec-fetch-site'])?.toLowerCase()
  const origin = single(headers.origin)
  const host = single(headers.host) ?? ''
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return forbidden(`a ${site} request from a browser`)
  if (origin !== undefined && origin !== `http://${host}`) return forbidden(`a request from another origin (${origin})`)
  if ((site !== undefined || origin !== undefined) && !isLocalHost(host)) return forbidden(`a browser request for host "${host}"`)
  const contentType = single(headers['content-type'])
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase()
  if (method !== 'GET' && method !== 'HEAD' && method !== 'DELETE' && (contentType !== undefined || rawBody.trim() !== '')) {
    if (mediaType !== 'application/json') return bad(`knob bodies must be sent as Content-Type: application/json (got ${contentType ?? 'none'})`)
  }
  return undefined
}

/** Runs the knob at `method path` with the raw request body text, unless `refuseBrowserCrossSite` refuses it. */
export const runKnob = (host: KnobHost, method: string, path: string, rawBody: string, headers: RequestHeaders): KnobReply => {
  const refused = refuseBrowserCrossSite(method, headers, rawBody)
  if (refused) return refused
  const normalized = path.replace(/\/$/, '')
  const route = KNOB_ROUTES.find((r) => r.method === method && r.path === normalized)
  if (!route) return { status: 404, body: { error: `unknown knob ${method} ${normalized}` } }
  let raw: unknown = {}
  if (rawBody.trim() !== '') {
    try {
      raw = JSON.parse(rawBody)
    } catch {
      return bad('invalid JSON body')
    }
  }
  const body = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw as KnobBody : {}
  return route.handler(host, body, raw)
}
