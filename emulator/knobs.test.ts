import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createEmulator, type Emulator } from './server.ts'

/** The knobs against what a web page can send (knobs.ts, refuseBrowserCrossSite), over HTTP. */

let emulator: Emulator
let base = ''
let host = ''

beforeAll(async () => {
  emulator = createEmulator({ transitionMs: 1000 })
  base = await emulator.listen(0)
  host = new URL(base).host
})
afterAll(() => emulator.close())
beforeEach(() => emulator.reset())

interface Res {
  status: number
  body: string
}

/** A raw request with exactly these headers (fetch would add or forbid some). */
const send = (method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<Res> =>
  new Promise((resolve, reject) => {
    const url = new URL(path, base)
    const req = httpRequest({ hostname: url.hostname, port: url.port, path, method, headers: { host, ...headers } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })

const FAULT = JSON.stringify({ faults: [{ path: '/instance/v1/zones/pl-waw-3/servers', status: 503 }] })
const faults = async () => (JSON.parse((await send('GET', '/__emulator/faults')).body) as { faults: unknown[] }).faults.length

describe('knobs refuse browser cross-site requests', () => {
  it('refuses a cross-site text/plain POST, as a form or a no-cors fetch sends it', async () => {
    const r = await send('POST', '/__emulator/faults', {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
      'content-type': 'text/plain;charset=UTF-8',
    }, JSON.stringify({ faults: [] }))
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body)).toEqual({ error: 'knobs refuse a cross-site request from a browser' })
  })

  it('refuses by Sec-Fetch-Site alone (same-site counts: another port of the same host)', async () => {
    for (const site of ['cross-site', 'same-site']) {
      expect((await send('POST', '/__emulator/reset', { 'sec-fetch-site': site, 'content-type': 'application/json' }, '{}')).status, site).toBe(403)
      expect((await send('GET', '/__emulator/requests', { 'sec-fetch-site': site })).status, site).toBe(403)
    }
  })

  it('refuses by Origin alone (older browsers send no Sec-Fetch-Site), even with a JSON body', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:5173', 'null']) {
      const r = await send('POST', '/__emulator/faults', { origin, 'content-type': 'application/json' }, FAULT)
      expect(r.status, origin).toBe(403)
    }
    expect(await faults()).toBe(0)
  })

  it('refuses a browser that reaches it under a rebound DNS name, same-origin as it may look', async () => {
    const rebound = `attacker.example:${new URL(base).port}`
    const r = await send('GET', '/__emulator/requests', { host: rebound, origin: `http://${rebound}`, 'sec-fetch-site': 'same-origin' })
    expect(r.status).toBe(403)
  })

  it('requires Content-Type: application/json on a POST with a body', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await send('POST', '/__emulator/faults', { 'content-type': contentType }, FAULT)
      expect(r.status, contentType).toBe(400)
      expect(r.body, contentType).toMatch(/Content-Type: application\/json/)
    }
    expect((await send('POST', '/__emulator/faults', {}, FAULT)).status).toBe(400)
    expect(await faults()).toBe(0)
  })
})

describe('knobs still answer their clients', () => {
  it('answers Node and curl (no Origin, no Sec-Fetch-Site), as the e2e fixtures call them', async () => {
    const r = await send('POST', '/__emulator/faults', { 'content-type': 'application/json; charset=utf-8', 'sec-fetch-mode': 'cors' }, FAULT)
    expect(r.status).toBe(200)
    expect(await faults()).toBe(1)
    expect((await send('POST', '/__emulator/reset')).status).toBe(200)
    expect(await faults()).toBe(0)
  })

  it('answers a page of its own origin and the address bar', async () => {
    expect((await send('GET', '/__emulator/health', { 'sec-fetch-site': 'none' })).status).toBe(200)
    const own = await send('POST', '/__emulator/faults', { origin: `http://${host}`, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }, FAULT)
    expect(own.status).toBe(200)
  })
})

describe('the request log', () => {
  it('names the browser and forwarding headers that reached the API, never their values', async () => {
    await send('GET', '/account/v3/projects', { cookie: 'session=secret-value', referer: 'https://x.example/', 'x-forwarded-for': '10.0.0.1' })
    await send('GET', '/account/v3/projects')
    const log = (JSON.parse((await send('GET', '/__emulator/requests')).body) as { requests: Record<string, unknown>[] }).requests
    expect(log.map((r) => r.contextHeaders)).toEqual([['cookie', 'referer', 'x-forwarded-for'], undefined])
    expect(JSON.stringify(log)).not.toContain('secret-value')
  })
})

describe('an outage', () => {
  const refused = () =>
    send('GET', '/__emulator/health').then(
      () => false,
      (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
    )

  it('refuses connections for that long, as a stopped emulator does, then answers again with its state kept', async () => {
    expect((await send('POST', '/__emulator/faults', { 'content-type': 'application/json' }, FAULT)).status).toBe(200)
    const r = await send('POST', '/__emulator/outage', { 'content-type': 'application/json' }, JSON.stringify({ ms: 400 }))
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ms: 400 })
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(await refused()).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await send('GET', '/__emulator/health')).status).toBe(200)
    expect(await faults()).toBe(1)
  })

  it('takes only a bounded length', async () => {
    for (const body of [{}, { ms: -1 }, { ms: 'soon' }, { ms: 600_000 }]) {
      const r = await send('POST', '/__emulator/outage', { 'content-type': 'application/json' }, JSON.stringify(body))
      expect(r.status, JSON.stringify(body)).toBe(400)
    }
    expect(await refused()).toBe(false)
  })
})
