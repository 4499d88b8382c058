import { test as base, expect, type Page } from '@playwright/test'
import type { Fault as EmulatorFault, LoggedRequest } from '../emulator/knobs.ts'
import { DEMO_KEYS } from '../emulator/seed.ts'
import { ZONES } from '../emulator/store.ts'
import { EMULATOR_URL } from './env.ts'

export { ZONES }
export type { LoggedRequest }
/** A fault as the knob accepts it: rate and times are optional. */
export type Fault = Pick<EmulatorFault, 'path' | 'method' | 'status'> & { rate?: number; times?: number }

/** An API key as the sign-in form takes it. */
export interface DemoKey {
  accessKey: string
  secretKey: string
}

/** The emulator's public demo keys (fake, documented in the README), from the emulator's own seed. */
function demoKey(label: string): DemoKey {
  const key = DEMO_KEYS.find((k) => k.label === label)
  if (!key) throw new Error(`the emulator seed has no "${label}" demo key`)
  return { accessKey: key.accessKey, secretKey: key.secretKey }
}

export const ADMIN_KEY = demoKey('admin')
export const READONLY_KEY = demoKey('read-only')
export const EXPIRED_KEY = demoKey('expired')
export const APP_KEY = demoKey('application')

export interface ApiResponse<T> {
  status: number
  headers: Headers
  body: T
}

interface ServerSummary {
  id: string
  name: string
  state: string
  commercial_type: string
}

async function knob(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${EMULATOR_URL}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) {
    throw new Error(`emulator ${method} ${path} -> ${response.status}: ${await response.text()}`)
  }
  return response
}

/** Client for the emulator's `/__emulator/*` knobs plus direct Scaleway API calls for ground truth. */
export function emulatorClient() {
  const client = {
    url: EMULATOR_URL,
    reset: async (options: { seedServers?: number; transitionMs?: number } = {}) => {
      await knob('POST', '/__emulator/reset', options)
    },
    /** The request log, oldest first. Accepts `[...]` or `{requests: [...]}`. */
    requests: async (): Promise<LoggedRequest[]> => {
      const body = (await (await knob('GET', '/__emulator/requests')).json()) as LoggedRequest[] | { requests: LoggedRequest[] }
      return Array.isArray(body) ? body : body.requests
    },
    clearRequests: async () => {
      await knob('DELETE', '/__emulator/requests')
    },
    faults: async (faults: Fault[]) => {
      await knob('POST', '/__emulator/faults', { faults })
    },
    clearFaults: async () => {
      await knob('DELETE', '/__emulator/faults')
    },
    /** The emulator stops listening for `ms` (connections refused, as if stopped), then listens again. */
    outage: async (ms: number) => {
      await knob('POST', '/__emulator/outage', { ms })
      // It stops listening 20 ms after answering.
      await new Promise((resolve) => setTimeout(resolve, 100))
    },
    latency: async (ms: number) => {
      await knob('POST', '/__emulator/latency', { ms })
    },
    advanceTime: async (advanceMs: number) => {
      await knob('POST', '/__emulator/time', { advanceMs })
    },
    /**
     * Calls the emulated Scaleway API directly, as a real client would. Note that these
     * calls land in the request log too: read ground truth first, then `clearRequests()`.
     */
    api: async <T = unknown>(path: string, key: DemoKey = ADMIN_KEY, init: RequestInit = {}): Promise<ApiResponse<T>> => {
      const headers = new Headers(init.headers)
      headers.set('X-Auth-Token', key.secretKey)
      if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json')
      const response = await fetch(`${EMULATOR_URL}${path}`, { ...init, headers })
      const text = await response.text()
      return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T }
    },
    /** Every server of a zone, all pages, in the API's order. */
    servers: async (zone: string, key: DemoKey = ADMIN_KEY): Promise<ServerSummary[]> => {
      const all: ServerSummary[] = []
      for (let page = 1; page <= 100; page++) {
        const { status, headers, body } = await client.api<{ servers: ServerSummary[] }>(
          `/instance/v1/zones/${zone}/servers?per_page=100&page=${page}`,
          key,
        )
        if (status !== 200) throw new Error(`listing ${zone} servers -> ${status}`)
        all.push(...body.servers)
        const total = Number(headers.get('x-total-count') ?? all.length)
        if (all.length >= total || body.servers.length === 0) break
      }
      return all
    },
  }
  return client
}

export type EmulatorClient = ReturnType<typeof emulatorClient>

type SignIn = (key?: DemoKey) => Promise<void>

interface Fixtures {
  emulator: EmulatorClient
  /** Every URL the browser context requested during the test (documents, fetches, assets). */
  requestedUrls: string[]
  signIn: SignIn
}

export const test = base.extend<Fixtures>({
  // Auto: every test starts from the seed with no faults, no latency and an empty log,
  // whether or not it touches the emulator itself.
  emulator: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take a destructured first argument
    async ({}, use) => {
      const client = emulatorClient()
      await client.reset()
      await use(client)
    },
    { auto: true },
  ],
  requestedUrls: [
    async ({ context }, use) => {
      const urls: string[] = []
      context.on('request', (request) => urls.push(request.url()))
      await use(urls)
    },
    { auto: true },
  ],
  signIn: async ({ page }, use) => {
    await use(async (key = ADMIN_KEY) => {
      // A fresh page starts on the sign-in route; otherwise the caller already navigated
      // (e.g. to a guarded route) and the redirect target must be kept.
      if (page.url() === 'about:blank') await page.goto('/sign-in')
      await fillSignIn(page, key)
      await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible()
      await expect(page.getByRole('banner')).toContainText(key.accessKey)
    })
  },
})

/** Fills the sign-in form by its labels and submits it; asserts nothing about the outcome. */
export async function fillSignIn(page: Page, key: DemoKey): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await page.getByLabel('Access key', { exact: true }).fill(key.accessKey)
  await page.getByLabel('Secret key', { exact: true }).fill(key.secretKey)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/**
 * The text of the "Name" column, one entry per data row of the (single) table.
 * A link inside the cell wins over the whole cell text (which may carry an id or badge).
 */
export async function nameColumn(page: Page): Promise<string[]> {
  const table = page.getByRole('table')
  return table.evaluate((element) => {
    const headers = Array.from(element.querySelectorAll('thead th, thead td'))
    const index = headers.findIndex((cell) => cell.textContent?.trim() === 'Name')
    if (index < 0) throw new Error('no "Name" column header')
    return Array.from(element.querySelectorAll('tbody tr'))
      .map((row) => row.querySelectorAll('th, td')[index])
      .filter((cell): cell is Element => Boolean(cell))
      .map((cell) => (cell.querySelector('a') ?? cell).textContent?.trim() ?? '')
  })
}

export const sorted = (values: readonly string[]) => [...values].sort((a, b) => a.localeCompare(b))

export { expect }
