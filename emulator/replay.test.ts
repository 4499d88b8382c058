/**
 * Whole recorded Scaleway conversations replayed against the emulator, in process (inject.ts: no socket), reset
 * between conversations (see replay.ts): prints one row per conversation and fails below the thresholds of issue 12.
 */
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { inject } from './inject.ts'
import { formatReport, loadConversations, replayConversation, type ConversationResult, totals } from './replay.ts'
import { DEMO_KEYS, ORGANIZATION_ID } from './seed.ts'
import { createEmulator, type Emulator } from './server.ts'

const SEQ_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/scaleway-recordings/sequences')
const ADMIN = DEMO_KEYS[0]!.secretKey
const TRANSITION = 1000
const START = Date.UTC(2026, 6, 1)

/** The recorder's organization (= its default project) and the organization id its cassettes redact. */
const FIXED_IDS: Record<string, string> = {
  '105bdce1-64c0-48ab-899d-868455867ecf': ORGANIZATION_ID,
  '11111111-1111-1111-1111-111111111111': ORGANIZATION_ID,
}

/** A JSON answer parsed, a text one (user_data) as is, an empty one as null. */
const parse = (text: string): unknown => {
  if (text === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

const THRESHOLDS = { status: 0.95, keyPaths: 0.95, faithful: 24 }

const present = existsSync(SEQ_DIR)
if (!present && process.env.CI) throw new Error(`The recorded conversations are missing at ${SEQ_DIR}: CI must replay them.`)

describe.skipIf(!present)('recorded conversations replay faithfully', () => {
  let clock = START
  const emulator: Emulator = createEmulator({ transitionMs: TRANSITION, now: () => clock })
  const results: ConversationResult[] = []

  it('replays every conversation in order', async () => {
    const target = {
      send: async (method: string, url: string, body: unknown) => {
        const headers: Record<string, string> = { 'X-Auth-Token': ADMIN }
        let text: string | undefined
        if (typeof body === 'string') {
          // user_data values are sent as text, as the SDKs do.
          headers['Content-Type'] = 'text/plain'
          text = body
        } else if (body !== null && body !== undefined) {
          headers['Content-Type'] = 'application/json'
          text = JSON.stringify(body)
        }
        const res = await inject(emulator, { method, url, headers, body: text })
        return { status: res.status, body: parse(res.text) }
      },
      settle: () => {
        clock += TRANSITION
      },
    }
    for (const conversation of loadConversations(SEQ_DIR)) {
      clock = START
      emulator.reset()
      results.push(await replayConversation(target, conversation, { fixedIds: FIXED_IDS }))
    }
    console.log(formatReport(results))
    const t = totals(results)
    expect(t.conversations).toBe(27)
    expect(t.sameStatus / t.interactions, 'share of interactions with the recorded status').toBeGreaterThanOrEqual(THRESHOLDS.status)
    expect(t.presentPaths / t.keyPaths, 'share of recorded key paths present').toBeGreaterThanOrEqual(THRESHOLDS.keyPaths)
    expect(t.meanShare, 'mean share per interaction (a catalogue page weighs as one)').toBeGreaterThanOrEqual(THRESHOLDS.keyPaths)
    expect(t.faithful, 'conversations faithful end to end').toBeGreaterThanOrEqual(THRESHOLDS.faithful)
  }, 60_000)
})
