import { ADMIN_KEY, ZONES, expect, nameColumn, sorted, test } from './fixtures.ts'

test.describe('instances', () => {
  test('the zone switcher drives ?zone= and the list, and survives a reload', async ({ page, emulator, signIn }) => {
    const truth = await emulator.servers('nl-ams-1')
    expect(truth.length, 'the seed should put servers in nl-ams-1').toBeGreaterThan(0)
    await emulator.clearRequests()

    await page.goto('/instances?zone=fr-par-1')
    await signIn(ADMIN_KEY)
    await expect(page.getByRole('table')).toBeVisible()

    await page.getByLabel('Zone', { exact: true }).selectOption('nl-ams-1')
    await expect(page).toHaveURL(/[?&]zone=nl-ams-1(&|$)/)
    await expect(page.getByRole('table').getByText(truth[0].name, { exact: true }).first()).toBeVisible()
    expect(sorted(await nameColumn(page))).toEqual(sorted(truth.map((server) => server.name)))
    expect(await emulator.requests()).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/instance/v1/zones/nl-ams-1/servers', accessKey: ADMIN_KEY.accessKey }),
    )

    await emulator.clearRequests()
    await page.reload()
    await expect(page.getByLabel('Zone', { exact: true })).toHaveValue('nl-ams-1')
    await expect(page.getByRole('table').getByText(truth[0].name, { exact: true }).first()).toBeVisible()
    expect(sorted(await nameColumn(page))).toEqual(sorted(truth.map((server) => server.name)))
    // The reload kept the session (sessionStorage) and asked the API again.
    expect(await emulator.requests()).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/instance/v1/zones/nl-ams-1/servers', status: 200 }),
    )
  })

  test('an empty zone shows the empty state', async ({ page, emulator, signIn }) => {
    let empty: string | undefined
    for (const zone of ZONES) {
      if ((await emulator.servers(zone)).length === 0) {
        empty = zone
        break
      }
    }
    expect(empty, 'the seed should leave at least one zone without servers').toBeDefined()
    const zone = empty as string

    await page.goto(`/instances?zone=${zone}`)
    await signIn(ADMIN_KEY)
    await expect(page.getByText(`No instances in ${zone}`)).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('an API failure shows an alert, not a blank page', async ({ page, emulator, signIn }) => {
    // Sign in on another zone so no fr-par-1 request is in flight when the fault lands.
    await page.goto('/instances?zone=fr-par-2')
    await signIn(ADMIN_KEY)
    await expect(page.getByRole('table')).toBeVisible()
    await emulator.faults([{ path: '/instance/v1/zones/fr-par-1/servers', method: 'GET', status: 503 }])
    // Ground truth: what Scaleway (the emulator) says when it fails this way.
    const direct = await emulator.api<{ message: string }>('/instance/v1/zones/fr-par-1/servers')
    expect(direct.status).toBe(503)
    await emulator.clearRequests()

    await page.goto('/instances?zone=fr-par-1')
    // 5xx is retried with backoff before the error is shown.
    const alert = page.getByRole('alert')
    await expect(alert).toBeVisible({ timeout: 20_000 })
    await expect(alert).toContainText(direct.body.message)
    await expect(page.getByRole('heading', { name: 'Instances' })).toBeVisible()
    await expect(page.getByRole('banner')).toContainText(ADMIN_KEY.accessKey)
    await expect(page.getByRole('table')).toHaveCount(0)

    const failed = (await emulator.requests()).filter((r) => r.path === '/instance/v1/zones/fr-par-1/servers')
    expect(failed.length).toBeGreaterThan(0)
    expect(failed.every((r) => r.status === 503)).toBe(true)
  })
})

test('an unknown route shows "Page not found" inside a working shell', async ({ page, signIn }) => {
  await page.goto('/sign-in')
  await signIn(ADMIN_KEY)
  await page.goto('/this/route/does-not-exist')

  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText(ADMIN_KEY.accessKey)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instances', exact: true }).click()
  await expect(page).toHaveURL(/\/instances/)
  await expect(page.getByRole('heading', { name: 'Instances' })).toBeVisible()
})
