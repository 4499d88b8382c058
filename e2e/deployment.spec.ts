import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { productionHeaders, securityHeaders } from '../scripts/security-headers.ts'
import { EMULATOR_PORT, EMULATOR_URL } from './env.ts'
import { ADMIN_KEY, expect, test } from './fixtures.ts'

/**
 * The app server (`vite preview` under `npm test`, or `vite` dev) and the emulator's knobs, as a
 * browser meets them. The same for nginx: e2e/nginx/. Path by path: scripts/api-proxy.test.ts.
 */

const PREVIEW = process.env.E2E_SERVER === 'preview'

const emulatorFaults = async () =>
  ((await (await fetch(`${EMULATOR_URL}/__emulator/faults`)).json()) as { faults: { path: string }[] }).faults.map((f) => f.path)

test('sends the production headers on /, on an asset and on the SPA fallback', async ({ page }) => {
  test.skip(!PREVIEW, 'the strict CSP is for the production build (E2E_SERVER=preview, what `npm test` runs)')
  const assetResponse = page.waitForResponse((response) => /\/assets\/index-[\w-]+\.js$/.test(response.url()))
  const root = await page.goto('/')
  const asset = await assetResponse
  const fallback = await page.goto('/instances/fr-par-1/11111111-1111-4111-8111-111111111111')
  for (const [what, response] of [['/', root], ['asset', asset], ['fallback', fallback]] as const) {
    expect(response?.status(), what).toBe(200)
    const headers = await response!.allHeaders()
    for (const [name, value] of Object.entries(productionHeaders)) expect(headers[name.toLowerCase()], `${what}: ${name}`).toBe(value)
  }
})

test('a malformed URL answers the app, with its headers, and the app shows its not-found page', async ({ page, signIn }) => {
  const response = await page.goto('/instances/fr-par-1/%E0%A4%A')
  expect(response?.status()).toBe(200)
  const headers = await response!.allHeaders()
  for (const [name, value] of Object.entries(PREVIEW ? productionHeaders : securityHeaders)) expect(headers[name.toLowerCase()], name).toBe(value)
  await signIn(ADMIN_KEY)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  expect(page.url()).toContain('/instances/fr-par-1/%E0%A4%A')
})

test('the /api proxy refuses /api/__emulator/* and other non-API paths: nothing reaches the emulator', async ({ page, emulator }) => {
  await emulator.faults([{ path: '/instance/v1/zones/pl-waw-3/servers', status: 503 }])
  await emulator.clearRequests()
  await page.goto('/sign-in')
  const statuses = await page.evaluate(async () => {
    const hit = async (path: string, init?: RequestInit) => `${init?.method ?? 'GET'} ${path} ${(await fetch(path, init)).status}`
    return [
      await hit('/api/__emulator/reset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await hit('/api/__emulator/faults', { method: 'DELETE' }),
      await hit('/api/__emulator/requests'),
      await hit('/api/health'),
    ]
  })
  expect(statuses).toEqual([
    'POST /api/__emulator/reset 404',
    'DELETE /api/__emulator/faults 404',
    'GET /api/__emulator/requests 404',
    'GET /api/health 404',
  ])
  expect(await emulatorFaults()).toEqual(['/instance/v1/zones/pl-waw-3/servers'])
  expect(await emulator.requests()).toEqual([])
})

test.describe('a cross-site page', () => {
  // Another site (localhost vs the emulator's 127.0.0.1), served by a plain server: no CSP in the way.
  let attacker: http.Server
  let attackerUrl = ''
  const ATTACK_PAGE = `<!doctype html><title>attacker</title>
<form id="reset" method="POST" action="${EMULATOR_URL}/__emulator/reset" enctype="text/plain">
  <input name='{"seedServers":1,"x":"' value='"}'>
</form>`

  test.beforeAll(async () => {
    attacker = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(ATTACK_PAGE))
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
    attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`
  })

  test.afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())))

  test('cannot use the emulator knobs with a text/plain fetch or form', async ({ page, emulator }) => {
    const before = (await emulator.servers('fr-par-1')).length
    await emulator.faults([{ path: '/instance/v1/zones/pl-waw-3/servers', status: 503 }])
    await page.goto(attackerUrl)
    // A "simple" request: no preflight, so it reaches the emulator; its answer stays opaque.
    await page.evaluate(async (url) => {
      await fetch(`${url}/__emulator/faults`, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ faults: [] }),
      })
    }, EMULATOR_URL)
    expect(await emulatorFaults()).toEqual(['/instance/v1/zones/pl-waw-3/servers'])

    // A form posts a body that parses as JSON; the browser shows the emulator's answer.
    await Promise.all([page.waitForURL(`${EMULATOR_URL}/__emulator/reset`), page.locator('#reset').evaluate((form: HTMLFormElement) => form.submit())])
    await expect(page.locator('body')).toContainText('knobs refuse a cross-site request from a browser')
    expect((await emulator.servers('fr-par-1')).length).toBe(before)
    expect(await emulatorFaults()).toEqual(['/instance/v1/zones/pl-waw-3/servers'])
  })

  test('the knobs still answer Node (the fixtures) and the address bar', async ({ page, emulator }) => {
    await emulator.latency(0)
    const response = await page.goto(`http://127.0.0.1:${EMULATOR_PORT}/__emulator/health`)
    expect(response?.status()).toBe(200)
    await expect(page.locator('body')).toContainText('"ok":true')
  })
})
