/**
 * Test knobs, served under /__emulator/ (no auth, JSON in and out):
 *   GET    /__emulator/health                   -> {ok: true}
 *   POST   /__emulator/reset     {seedServers?, transitionMs?}  back to the seed; clears faults, latency, log, clock offset
 *   POST   /__emulator/latency   {ms}           added latency on every API request
 *   GET    /__emulator/faults                   -> {faults}
 *   POST   /__emulator/faults    {faults: [{path, method?, status, rate?, times?}]}  replaces the faults
 *   DELETE /__emulator/faults
 *   GET    /__emulator/requests                 -> {requests: [{method, path, query, status, accessKey}]} (never the secret)
 *   DELETE /__emulator/requests
 *   POST   /__emulator/time      {advanceMs}    moves the emulator clock forward -> {now}
 *   POST   /__emulator/quotas    {servers}      servers per (project, zone) quota -> {servers}
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
}

export const MAX_LOG = 5000

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
