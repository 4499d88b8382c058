import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { productionHeaders } from '../../scripts/security-headers.ts'
import { EMULATOR_URL } from '../env.ts'
import { ADMIN_KEY, expect, test } from '../fixtures.ts'

/**
 * The built dist/ behind nginx (deploy/nginx/, started by scripts/nginx-local.ts over TLS + HTTP/2),
 * proxying /api to the emulator. What the browser sees and what reached the emulator; the /api rule
 * path by path, upstream TLS and the Host check are in scripts/nginx.test.ts.
 */

const DIST = join(import.meta.dirname, '..', '..', 'dist')
const SERVER_ID = /^[0-9a-f-]{36}$/

const expectProductionHeaders = (headers: Record<string, string>, what: string) => {
  for (const [name, value] of Object.entries(productionHeaders)) expect(headers[name.toLowerCase()], `${what}: ${name}`).toBe(value)
}

const emulatorFaults = async () =>
  ((await (await fetch(`${EMULATOR_URL}/__emulator/faults`)).json()) as { faults: { path: string }[] }).faults.map((f) => f.path)

test('signs in with a demo key and lists instances through nginx’s /api proxy, over HTTP/2', async ({ page, emulator, signIn }) => {
  const truth = await emulator.servers('fr-par-1')
  await emulator.clearRequests()
  await page.goto('/instances?zone=fr-par-1')
  await signIn(ADMIN_KEY)
  const table = page.getByRole('table', { name: 'Instances in fr-par-1' })
  await expect(table.getByRole('row').nth(1)).toBeVisible()
  await expect(table.getByRole('link', { name: truth[0].name, exact: true })).toBeVisible()

  const lists = (await emulator.requests()).filter((r) => r.path === '/instance/v1/zones/fr-par-1/servers')
  expect(lists.length).toBeGreaterThan(0)
  expect(lists.every((r) => r.accessKey === ADMIN_KEY.accessKey && r.status === 200)).toBe(true)
  const protocols = await page.evaluate(() =>
    performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map((e) => (e as PerformanceResourceTiming).nextHopProtocol),
  )
  expect(new Set(protocols)).toEqual(new Set(['h2']))
})

test('sends the production headers on /, on an asset and on a deep link; caches only hashed assets', async ({ page }) => {
  const assetResponse = page.waitForResponse((response) => /\/assets\/index-[\w-]+\.js$/.test(response.url()))
  const root = await page.goto('/')
  const asset = await assetResponse
  const deep = await page.goto('/instances/fr-par-1/11111111-1111-4111-8111-111111111111')
  for (const [what, response] of [['/', root], ['asset', asset], ['deep link', deep]] as const) {
    expect(response?.status(), what).toBe(200)
    expectProductionHeaders(await response!.allHeaders(), what)
  }
  expect((await root!.allHeaders())['cache-control']).toBe('no-cache')
  expect((await deep!.allHeaders())['cache-control']).toBe('no-cache')
  expect((await asset.allHeaders())['cache-control']).toBe('public, max-age=31536000, immutable')
})

test('a deep link and a malformed URL answer the app, which shows its not-found page', async ({ page, emulator, signIn }) => {
  const [server] = await emulator.servers('fr-par-1')
  expect(server.id).toMatch(SERVER_ID)
  const deep = await page.goto(`/instances/fr-par-1/${server.id}`)
  expect(deep?.status()).toBe(200)
  await signIn(ADMIN_KEY)
  await expect(page.getByRole('heading', { level: 1, name: server.name })).toBeVisible()

  for (const path of ['/no/such/page', '/instances/fr-par-1/%E0%A4%A']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    expect(await response?.headerValue('content-type'), path).toMatch(/^text\/html/)
    await expect(page.getByRole('heading', { name: 'Page not found' }), path).toBeVisible()
  }
})

test('refuses /api/__emulator/* and other non-API paths under /api: nothing reaches the emulator', async ({ page, emulator }) => {
  await emulator.faults([{ path: '/instance/v1/zones/pl-waw-3/servers', status: 503 }])
  await emulator.clearRequests()
  await page.goto('/sign-in')
  const statuses = await page.evaluate(async () => {
    const hit = async (path: string, init?: RequestInit) => `${init?.method ?? 'GET'} ${path} ${(await fetch(path, init)).status}`
    const json = { 'content-type': 'application/json' }
    return [
      await hit('/api/__emulator/reset', { method: 'POST', headers: json, body: '{}' }),
      await hit('/api/__emulator/faults', { method: 'DELETE' }),
      await hit('/api/__emulator/requests'),
      await hit('/api/health'),
      await hit('/api/'),
    ]
  })
  expect(statuses).toEqual([
    'POST /api/__emulator/reset 404',
    'DELETE /api/__emulator/faults 404',
    'GET /api/__emulator/requests 404',
    'GET /api/health 404',
    'GET /api/ 404',
  ])
  expect(await emulatorFaults()).toEqual(['/instance/v1/zones/pl-waw-3/servers'])
  expect(await emulator.requests()).toEqual([])
})

test('Cookie, Origin and Referer never reach the emulator', async ({ page, context, emulator }) => {
  // The emulator records these headers by name when they reach it: show that it does.
  await fetch(`${EMULATOR_URL}/account/v3/projects`, { headers: { cookie: 'a=b', referer: 'https://x.example/' } })
  expect((await emulator.requests()).at(-1)?.contextHeaders).toEqual(['cookie', 'referer'])
  await emulator.clearRequests()

  await context.addCookies([{ name: 'tracker', value: '1', domain: 'localhost', path: '/', secure: true }])
  await page.goto('/sign-in')
  // A same-origin POST from the page: Chromium adds Origin, and the cookie of the origin.
  const status = await page.evaluate(async (token) => {
    const response = await fetch('/api/instance/v1/zones/fr-par-1/servers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': token },
      body: '{}',
    })
    return response.status
  }, ADMIN_KEY.secretKey)
  expect(status).toBe(400)
  // And a client that sends all three on purpose.
  const direct = await page.request.get('/api/account/v3/projects', {
    headers: { cookie: 'a=b', origin: 'https://evil.example', referer: 'https://evil.example/page', 'x-auth-token': ADMIN_KEY.secretKey },
  })
  expect(direct.status()).toBe(200)

  const log = await emulator.requests()
  expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /instance/v1/zones/fr-par-1/servers', 'GET /account/v3/projects'])
  expect(log.map((r) => r.contextHeaders)).toEqual([undefined, undefined])
})

test('ships and serves no source map', async ({ page }) => {
  const assets: string[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/assets/')) assets.push(response.url())
  })
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  expect(assets.length).toBeGreaterThan(0)
  for (const url of assets) {
    const map = await page.request.get(`${url}.map`)
    expect(map.status(), `${url}.map`).toBe(404)
    if (url.endsWith('.js')) expect(await (await page.request.get(url)).text(), url).not.toContain('sourceMappingURL')
  }
  expect(existsSync(join(DIST, 'index.html'))).toBe(true)
  expect(readdirSync(join(DIST, 'assets')).filter((name) => name.endsWith('.map'))).toEqual([])
})
