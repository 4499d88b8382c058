import { ADMIN_KEY, expect, fillSignIn, READONLY_KEY, test } from './fixtures.ts'

const SESSION_KEY = 'scw-console.session'
const YEAR = 365 * 24 * 3600 * 1000
/** Every API call of the page (one function, so `unroute` finds the same matcher). */
const API = (url: URL) => url.pathname.startsWith('/api/')

test.describe('session expiry, API down and back, other tabs', () => {
  test('a key that expires mid-session ends it with the reason, and signing in again returns to the same page', async ({ page, emulator, signIn }) => {
    await page.goto('/ips?zone=fr-par-1')
    await signIn(READONLY_KEY)
    await expect(page.getByRole('heading', { name: 'Flexible IPs', level: 1 })).toBeVisible()

    // The read-only key expires in 2031: move the emulator's clock past it.
    await emulator.advanceTime(6 * YEAR)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instances' }).click()

    await expect(page).toHaveURL(/\/sign-in$/)
    await expect(page.getByRole('alert').filter({ hasText: 'Your API key expired' })).toBeVisible()
    await expect(page.getByRole('alert')).toContainText('/instances?zone=fr-par-1')
    expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull()
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0)

    await fillSignIn(page, ADMIN_KEY)
    await expect(page).toHaveURL(/\/instances\?zone=fr-par-1$/)
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
  })

  test('API down (the proxy answers 502): one banner, loading instead of errors, and it recovers by itself', async ({ page, signIn }) => {
    await signIn(ADMIN_KEY)
    await page.goto('/instances?zone=fr-par-1')
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()

    const probes: (string | undefined)[] = []
    // What `vite preview` answers when its upstream is gone: 502, text/plain, empty.
    await page.route(
      API,
      (route) => {
        if (route.request().url().includes('/account/v3/projects?page_size=1')) probes.push(route.request().headers()['x-auth-token'])
        return route.fulfill({ status: 502, contentType: 'text/plain', body: '' })
      },
    )
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flexible IPs' }).click()
    const banner = page.getByRole('status').filter({ hasText: 'Scaleway API unreachable' })
    await expect(banner).toBeVisible()
    await expect(banner).toHaveCount(1)
    await expect.poll(() => probes.length, { timeout: 10_000 }).toBeGreaterThan(1)
    // Queries are paused, not failed: no per-zone error panel, even after the probe ran again.
    await expect(page.getByText('Could not reach the Scaleway API')).toHaveCount(0)
    expect(probes.every((token) => token === undefined), 'the probe never carries the key').toBe(true)

    await page.unroute(API)
    await expect(banner).toBeHidden({ timeout: 10_000 })
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
  })

  test('a network failure (no answer at all) shows the banner too and recovers by itself', async ({ page, signIn }) => {
    await signIn(ADMIN_KEY)
    await page.route(API, (route) => route.abort('connectionrefused'))
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instances' }).click()
    const banner = page.getByRole('status').filter({ hasText: 'Scaleway API unreachable' })
    await expect(banner).toBeVisible()
    await page.unroute(API)
    await page.getByRole('button', { name: 'Check now' }).click()
    await expect(banner).toBeHidden()
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
  })

  test('the emulator stopped, then listening again: one banner, no error, and the page recovers by itself', async ({ page, emulator, signIn }) => {
    await page.goto('/instances?zone=fr-par-1')
    await signIn(ADMIN_KEY)
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()

    // Connections refused for 4 s: the real proxy answers 502, as with the emulator process stopped.
    await emulator.outage(4_000)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flexible IPs' }).click()
    const banner = page.getByRole('status').filter({ hasText: 'Scaleway API unreachable' })
    await expect(banner).toBeVisible()
    await expect(page.getByText('Could not reach the Scaleway API')).toHaveCount(0)

    // Back: the probe notices by itself (no focus change, no click) and the list loads.
    await expect(banner).toBeHidden({ timeout: 15_000 })
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('several seconds of latency show loading states, not errors', async ({ page, emulator, signIn }) => {
    test.slow()
    await page.goto('/instances?zone=fr-par-1')
    await signIn(ADMIN_KEY)
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()

    await emulator.latency(4_000)
    await page.getByRole('combobox', { name: 'Zone' }).selectOption('all')
    const loading = page.getByRole('status').filter({ hasText: 'Loading instances of every zone…' })
    await expect(loading).toBeVisible()
    // Three seconds on, still loading: no error, no "unreachable" banner, nothing retried.
    await page.waitForTimeout(3_000)
    await expect(loading).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
    await expect(page.getByRole('status').filter({ hasText: 'Scaleway API unreachable' })).toHaveCount(0)

    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible({ timeout: 15_000 })
    // Ten zones over at most 6 connections (HTTP/1.1): the last ones answer after two waits.
    await expect(page.getByText('All 10 zones answered.', { exact: true })).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('alert')).toHaveCount(0)
    // Lists (a `servers=` request follows the servers that are starting or stopping).
    const lists = (await emulator.requests()).filter((r) => /^\/instance\/v1\/zones\/[^/]+\/servers$/.test(r.path) && !r.query.includes('servers='))
    // fr-par-1 once before, then each of the ten zones once: nothing retried while it waited.
    expect(lists.filter((r) => r.path.includes('/zones/pl-waw-1/'))).toHaveLength(1)
    expect(lists.filter((r) => r.path.includes('/zones/fr-par-1/'))).toHaveLength(2)
  })

  test('signing out in one tab signs out the others', async ({ page, context, signIn }) => {
    await signIn(ADMIN_KEY)
    const other = await context.newPage()
    await other.goto('/instances?zone=fr-par-2')
    await fillSignIn(other, READONLY_KEY)
    await expect(other.getByRole('banner')).toContainText(READONLY_KEY.accessKey)

    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await expect(other).toHaveURL(/\/sign-in$/)
    await expect(other.getByRole('alert').filter({ hasText: 'Signed out in another tab' })).toBeVisible()
    expect(await other.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull()
    // It comes back to where it was after signing in there again.
    await fillSignIn(other, READONLY_KEY)
    await expect(other).toHaveURL(/\/instances\?zone=fr-par-2$/)
  })

  test('a tab opened from a signed-in tab does not inherit the key', async ({ page, context, signIn }) => {
    await signIn(ADMIN_KEY)
    const withKeyFromOtherTabs: string[] = []
    context.on('request', (request) => {
      // Header first: a navigation request may come before its frame exists (frame() throws then).
      if (request.headers()['x-auth-token'] && request.frame().page() !== page) withKeyFromOtherTabs.push(request.url())
    })
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      // Without noopener: the browser copies sessionStorage, secret included, into the new tab.
      page.evaluate(() => void window.open('/instances?zone=fr-par-1', '_blank')),
    ])
    await expect(opened).toHaveURL(/\/sign-in$/)
    await expect(opened.getByRole('alert').filter({ hasText: 'opened from a signed-in tab' })).toBeVisible()
    expect(await opened.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull()
    expect(withKeyFromOtherTabs, 'the opened tab never used the key').toEqual([])
    // The original tab keeps its session.
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('banner')).toContainText(ADMIN_KEY.accessKey)
  })
})
