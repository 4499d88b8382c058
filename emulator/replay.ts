/**
 * Replays whole recorded Scaleway conversations (`../shared/scaleway-recordings/sequences/`, recorded by the Terraform
 * provider's acceptance tests) against an emulator, and measures how faithfully it answers.
 *
 * For every interaction, in the recorded order:
 * - recorded ids are mapped to the emulator's (sequences/README.md): an id first seen in a recorded response stands
 *   for whatever the emulator answered at the same place (same key path; an array item stands for the answered item
 *   sharing the most non-id scalar values with it: name, arch, type…); the recorder's organization / project ids
 *   stand for the demo organization. Ids are UUIDs, access keys (`SCW` + 17) and IPv4 addresses; they are replaced
 *   in the path, the query and the request body;
 * - where the recording polled, the emulator clock is advanced by one transition instead of sleeping: before a GET
 *   with `polls` > 1 (a run of identical GETs waiting for a state, collapsed into its last one), and before a GET
 *   whose recorded answer differs from the one recorded for the same path before, with no write to it in between
 *   (polls interleaved with other requests, which the recorder does not collapse: A, B, A, B);
 * - the answer is held against the recording: the same status, for a 4xx the same error `type`, and every key path
 *   of the recorded body present in the emulator's (objects: every key, recursively; arrays: the union over their
 *   items; keys that are ids count as `*`).
 * A conversation is faithful when every interaction passes all three.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Interaction {
  id: number
  method: string
  host: string
  path: string
  query: string
  request_body: unknown
  status: number
  body: unknown
  headers?: Record<string, string>
  polls?: number
  first_status?: number | null
}

export interface Conversation {
  file: string
  name: string
  interactions: Interaction[]
}

export interface Answer {
  status: number
  body: unknown
}

/** Where a replay sends its requests, and how it moves the emulator clock. */
export interface ReplayTarget {
  send(method: string, pathAndQuery: string, body: unknown): Promise<Answer>
  /** Moves the emulator clock forward far enough for any transition to settle. */
  settle(): void
}

export interface Mismatch {
  id: number
  method: string
  path: string
  recordedStatus: number
  status: number
  recordedType?: string
  type?: string
  missing: string[]
}

export interface ConversationResult {
  name: string
  interactions: number
  sameStatus: number
  /** Interactions recorded as 4xx, and those answered with the same error `type`. */
  clientErrors: number
  sameType: number
  keyPaths: number
  presentPaths: number
  /** Interactions with a recorded body, and the sum of their shares of key paths present (a mean per interaction). */
  bodies: number
  shareSum: number
  faithful: boolean
  mismatches: Mismatch[]
}

export const loadConversations = (dir: string): Conversation[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'routes.json')
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { name: string; interactions: Interaction[] }
      return { file, name: raw.name, interactions: raw.interactions }
    })

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|SCW[0-9A-Z]{17}|\b\d{1,3}(?:\.\d{1,3}){3}\b/gi
const ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|SCW[0-9A-Z]{17}|\d{1,3}(?:\.\d{1,3}){3})$/i

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * The answered item standing for a recorded one: among those not taken yet, the one sharing the most scalar values
 * that are not ids (name, arch, type, is_ipv6…), the first on a tie.
 */
const closest = (item: Obj, answered: unknown[], free: ReadonlySet<number>): number | undefined => {
  let best: number | undefined
  let bestScore = -1
  for (const j of free) {
    const other = answered[j]
    if (!isObj(other)) continue
    let score = 0
    for (const [k, v] of Object.entries(item)) {
      if (v !== null && typeof v === 'object') continue
      if (typeof v === 'string' && ID.test(v)) continue
      if (other[k] === v) score++
    }
    if (score > bestScore || (score === bestScore && best !== undefined && j < best)) {
      best = j
      bestScore = score
    }
  }
  return best
}

/** Recorded id -> emulator id, learnt from the answers (README: "an id first seen in a response"). */
export class IdMap {
  private readonly map = new Map<string, string>()

  constructor(fixed: Record<string, string> = {}) {
    for (const [from, to] of Object.entries(fixed)) this.map.set(from.toLowerCase(), to)
  }

  /** Replaces every known id in a text (one pass: a replacement is never replaced again). */
  apply(text: string): string {
    return text.replace(TOKEN, (token) => this.map.get(token.toLowerCase()) ?? token)
  }

  applyJson(value: unknown): unknown {
    return value === null || value === undefined ? value : JSON.parse(this.apply(JSON.stringify(value))) as unknown
  }

  /** Learns the ids of a recorded body from the emulator's body at the same places. */
  learn(recorded: unknown, answered: unknown): void {
    if (typeof recorded === 'string') {
      if (typeof answered === 'string' && ID.test(recorded) && !this.map.has(recorded.toLowerCase())) {
        this.map.set(recorded.toLowerCase(), answered)
      }
      return
    }
    if (Array.isArray(recorded)) {
      if (!Array.isArray(answered)) return
      const free = new Set(answered.keys())
      recorded.forEach((item, i) => {
        const j = isObj(item) ? closest(item, answered, free) : free.has(i) ? i : undefined
        if (j === undefined) return
        free.delete(j)
        this.learn(item, answered[j])
      })
      return
    }
    if (!isObj(recorded) || !isObj(answered)) return
    const recordedIdKeys = Object.keys(recorded).filter((k) => UUID.test(k))
    const answeredIdKeys = Object.keys(answered).filter((k) => UUID.test(k))
    recordedIdKeys.forEach((k, i) => {
      const other = answeredIdKeys[i]
      if (other !== undefined) this.learn(k, other)
    })
    for (const [key, value] of Object.entries(recorded)) {
      if (UUID.test(key)) {
        const other = answeredIdKeys[recordedIdKeys.indexOf(key)]
        if (other !== undefined) this.learn(value, answered[other])
      } else if (key in answered) this.learn(value, answered[key])
    }
  }
}

/** Key paths of a JSON value: `a.b`, arrays as `a[]` (union over items), keys that are ids as `*`. */
export const keyPaths = (value: unknown, prefix = '', out = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) {
    for (const item of value) keyPaths(item, `${prefix}[]`, out)
  } else if (isObj(value)) {
    for (const [key, v] of Object.entries(value)) {
      const path = prefix === '' ? (UUID.test(key) ? '*' : key) : `${prefix}.${UUID.test(key) ? '*' : key}`
      out.add(path)
      keyPaths(v, path, out)
    }
  }
  return out
}

const errorType = (body: unknown): string | undefined => (isObj(body) && typeof body.type === 'string' ? body.type : undefined)

/**
 * JSON with sorted keys and no null-valued keys: two recorded answers are the same whatever order their keys came in,
 * and whether or not they carry a key the API sends at random (`admin_password_encryption_ssh_key_id: null`).
 */
const canonical = (value: unknown): string =>
  Array.isArray(value) ? `[${value.map(canonical).join(',')}]`
    : isObj(value)
      ? `{${Object.keys(value).filter((k) => value[k] !== null).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
      : JSON.stringify(value) ?? 'null'

/** A write to one path may change what the other reads: the same resource, or one inside the other. */
const related = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)

export interface ReplayOptions {
  /** Recorder ids that stand for fixed emulator ids (the recorder's organization and projects). */
  fixedIds: Record<string, string>
}

export const replayConversation = async (target: ReplayTarget, conversation: Conversation, options: ReplayOptions): Promise<ConversationResult> => {
  const ids = new IdMap(options.fixedIds)
  const result: ConversationResult = {
    name: conversation.name, interactions: 0, sameStatus: 0, clientErrors: 0, sameType: 0, keyPaths: 0, presentPaths: 0,
    bodies: 0, shareSum: 0, faithful: true, mismatches: [],
  }
  /** The recorded answer to the last read of each path, forgotten when the path is written. */
  const lastRead = new Map<string, string>()
  for (const rec of conversation.interactions) {
    if (rec.method !== 'GET') {
      for (const read of [...lastRead.keys()]) if (related(read, rec.path)) lastRead.delete(read)
    } else {
      const recorded = `${rec.status} ${canonical(rec.body)}`
      const before = lastRead.get(rec.path)
      if ((rec.polls ?? 1) > 1 || (before !== undefined && before !== recorded)) target.settle()
      lastRead.set(rec.path, recorded)
    }
    const path = ids.apply(rec.path)
    const query = ids.apply(rec.query)
    const answer = await target.send(rec.method, query === '' ? path : `${path}?${query}`, ids.applyJson(rec.request_body))
    ids.learn(rec.body, answer.body)

    result.interactions++
    const sameStatus = answer.status === rec.status
    if (sameStatus) result.sameStatus++
    const recordedType = rec.status >= 400 && rec.status < 500 ? errorType(rec.body) : undefined
    let sameType = true
    if (rec.status >= 400 && rec.status < 500) {
      result.clientErrors++
      sameType = recordedType === errorType(answer.body)
      if (sameType) result.sameType++
    }
    const expected = [...keyPaths(rec.body)]
    const actual = keyPaths(answer.body)
    const missing = expected.filter((p) => !actual.has(p))
    result.keyPaths += expected.length
    result.presentPaths += expected.length - missing.length
    if (expected.length > 0) {
      result.bodies++
      result.shareSum += (expected.length - missing.length) / expected.length
    }
    if (!sameStatus || !sameType || missing.length > 0) {
      result.faithful = false
      result.mismatches.push({
        id: rec.id, method: rec.method, path, recordedStatus: rec.status, status: answer.status,
        ...(recordedType === undefined ? {} : { recordedType }),
        ...(errorType(answer.body) === undefined ? {} : { type: errorType(answer.body) }),
        missing,
      })
    }
  }
  return result
}

export interface Totals {
  conversations: number
  faithful: number
  interactions: number
  sameStatus: number
  clientErrors: number
  sameType: number
  keyPaths: number
  presentPaths: number
  /** Mean share of key paths present per interaction with a body (a large catalogue page weighs as one). */
  meanShare: number
}

export const totals = (results: readonly ConversationResult[]): Totals => ({
  conversations: results.length,
  faithful: results.filter((r) => r.faithful).length,
  interactions: results.reduce((n, r) => n + r.interactions, 0),
  sameStatus: results.reduce((n, r) => n + r.sameStatus, 0),
  clientErrors: results.reduce((n, r) => n + r.clientErrors, 0),
  sameType: results.reduce((n, r) => n + r.sameType, 0),
  keyPaths: results.reduce((n, r) => n + r.keyPaths, 0),
  presentPaths: results.reduce((n, r) => n + r.presentPaths, 0),
  meanShare: results.reduce((n, r) => n + r.shareSum, 0) / Math.max(1, results.reduce((n, r) => n + r.bodies, 0)),
})

const pct = (part: number, whole: number): string => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`)

/** The per-conversation table, the totals, and the first mismatches of each unfaithful conversation. */
export const formatReport = (results: readonly ConversationResult[], mismatchesShown = 3): string => {
  const rows = results.map((r) => [
    r.name, String(r.interactions), `${r.sameStatus}/${r.interactions}`, r.clientErrors === 0 ? '—' : `${r.sameType}/${r.clientErrors}`,
    pct(r.presentPaths, r.keyPaths), r.faithful ? 'yes' : 'NO',
  ])
  const t = totals(results)
  const head = ['conversation', 'n', 'status', '4xx type', 'key paths', 'faithful']
  const foot = [
    'TOTAL', String(t.interactions), `${t.sameStatus}/${t.interactions} ${pct(t.sameStatus, t.interactions)}`,
    `${t.sameType}/${t.clientErrors}`, `${pct(t.presentPaths, t.keyPaths)} (mean ${pct(t.meanShare, 1)})`,
    `${t.faithful}/${t.conversations}`,
  ]
  const all = [head, ...rows, foot]
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i]!.length)))
  const line = (row: string[]): string => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  const out = [line(head), ...rows.map(line), line(foot)]
  for (const r of results) {
    for (const m of r.mismatches.slice(0, mismatchesShown)) {
      const types = m.recordedType === undefined ? '' : ` (${m.recordedType} -> ${m.type ?? 'none'})`
      const missing = m.missing.length === 0 ? '' : ` missing ${m.missing.slice(0, 4).join(', ')}${m.missing.length > 4 ? ` +${m.missing.length - 4}` : ''}`
      out.push(`  ${r.name} #${m.id} ${m.method} ${m.path}: ${m.recordedStatus} -> ${m.status}${types}${missing}`)
    }
    if (r.mismatches.length > mismatchesShown) out.push(`  ${r.name}: +${r.mismatches.length - mismatchesShown} more mismatches`)
  }
  return out.join('\n')
}
