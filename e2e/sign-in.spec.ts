import { ADMIN_KEY, EXPIRED_KEY, expect, fillSignIn, nameColumn, sorted, test } from './fixtures.ts'

test.describe('sign in', () => {
  test('the admin key opens the console on fr-par-1 with its instances', async ({ page, emulator, signIn }) => {
    const truth = await emulator.servers('fr-par-1')
    expect(truth.length, 'the seed should put servers in fr-par-1').toBeGreaterThan(0)
    await emulator.clearRequests()

    await page.goto('/instances?zone=fr-par-1')
    await signIn(ADMIN_KEY)

    const banner = page.getByRole('banner')
    await expect(banner).toContainText('Scaleway Console')
    await expect(banner).toContainText(ADMIN_KEY.accessKey)
    await expect(page.getByLabel('Zone', { exact: true })).toHaveValue('fr-par-1')
    await expect(page.getByRole('heading', { name: 'Instances' })).toBeVisible()
    await expect(page.getByRole('table').getByText(truth[0].name, { exact: true }).first()).toBeVisible()
    // Names may repeat: compare the multiset, not a set.
    expect(sorted(await nameColumn(page))).toEqual(sorted(truth.map((server) => server.name)))

    const log = await emulator.requests()
    expect(log).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        path: `/iam/v1alpha1/api-keys/${ADMIN_KEY.accessKey}`,
        status: 200,
        accessKey: ADMIN_KEY.accessKey,
      }),
    )
    expect(log).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/instance/v1/zones/fr-par-1/servers', accessKey: ADMIN_KEY.accessKey }),
    )
  })

  test('an unknown secret is refused and the form keeps what was typed', async ({ page, emulator }) => {
    const wrong = { accessKey: ADMIN_KEY.accessKey, secretKey: '99999999-9999-4999-8999-999999999999' }
    await page.goto('/sign-in')
    await fillSignIn(page, wrong)

    await expect(page.getByRole('alert')).toContainText('was not accepted')
    await expect(page).toHaveURL(/\/sign-in(\?|$)/)
    await expect(page.getByLabel('Access key', { exact: true })).toHaveValue(wrong.accessKey)
    await expect(page.getByLabel('Secret key', { exact: true })).toHaveValue(wrong.secretKey)
    expect(await emulator.requests()).toContainEqual(
      expect.objectContaining({ path: `/iam/v1alpha1/api-keys/${wrong.accessKey}`, status: 401 }),
    )
  })

  test('a malformed access key is caught before any request', async ({ page, emulator, requestedUrls }) => {
    await page.goto('/sign-in')
    await fillSignIn(page, { accessKey: 'SCW-not-a-key', secretKey: ADMIN_KEY.secretKey })

    await expect(page.getByRole('alert')).toContainText('Access key must start with SCW followed by 17 letters or digits')
    await expect(page.getByLabel('Access key', { exact: true })).toHaveValue('SCW-not-a-key')
    expect(await emulator.requests()).toEqual([])
    expect(requestedUrls.filter((url) => new URL(url).pathname.startsWith('/api/'))).toEqual([])
  })

  test('a malformed secret is caught before any request and never echoed', async ({ page, emulator }) => {
    const secret = 'not-a-uuid-but-secret-1234'
    await page.goto('/sign-in')
    await fillSignIn(page, { accessKey: ADMIN_KEY.accessKey, secretKey: secret })

    await expect(page.getByRole('alert')).toContainText('Secret key must be a UUID')
    await expect(page.getByLabel('Secret key', { exact: true })).toHaveAttribute('type', 'password')
    expect(await page.locator('body').innerText()).not.toContain(secret)
    expect(await emulator.requests()).toEqual([])
  })

  test('an expired key is explained as expired', async ({ page, emulator }) => {
    await page.goto('/sign-in')
    await fillSignIn(page, EXPIRED_KEY)

    await expect(page.getByRole('alert')).toContainText('has expired')
    await expect(page).toHaveURL(/\/sign-in(\?|$)/)
    expect(await emulator.requests()).toContainEqual(
      expect.objectContaining({ path: `/iam/v1alpha1/api-keys/${EXPIRED_KEY.accessKey}`, status: 401 }),
    )
  })

  test('an unreachable API is reported as such', async ({ page, emulator }) => {
    await page.route((url) => url.pathname.startsWith('/api/'), (route) => route.abort('connectionrefused'))
    await page.goto('/sign-in')
    await fillSignIn(page, ADMIN_KEY)

    await expect(page.getByRole('alert').filter({ hasText: 'Could not reach the Scaleway API' })).toBeVisible({ timeout: 15_000 })
    // …and the app-wide banner says so too, until the API answers again.
    await expect(page.getByRole('status').filter({ hasText: 'Scaleway API unreachable' })).toBeVisible()
    await expect(page).toHaveURL(/\/sign-in(\?|$)/)
    expect(await emulator.requests()).toEqual([])
  })

  test('a signed-out visit returns to the requested page after sign-in', async ({ page, signIn }) => {
    await page.goto('/instances?zone=fr-par-2')
    await expect(page).toHaveURL(/\/sign-in(\?|$)/)

    await signIn(ADMIN_KEY)

    await expect(page).toHaveURL(/\/instances\?zone=fr-par-2$/)
    await expect(page.getByLabel('Zone', { exact: true })).toHaveValue('fr-par-2')
    await expect(page.getByRole('heading', { name: 'Instances' })).toBeVisible()
  })
})
