import { ADMIN_KEY, APP_KEY, expect, nameColumn, sorted, test } from './fixtures.ts'

test('a rate-limited list (429, empty body) is retried and the list still shows', async ({ page, emulator, signIn }) => {
  await page.goto('/instances?zone=fr-par-2')
  await signIn(ADMIN_KEY)
  await expect(page.getByRole('table')).toBeVisible()
  const truth = await emulator.servers('fr-par-1')
  await emulator.faults([{ path: '/instance/v1/zones/fr-par-1/servers', method: 'GET', status: 429, times: 1 }])
  await emulator.clearRequests()

  await page.getByLabel('Zone', { exact: true }).selectOption('fr-par-1')

  await expect(page.getByRole('table', { name: 'Instances in fr-par-1' })).toBeVisible()
  expect(sorted(await nameColumn(page))).toEqual(sorted(truth.map((s) => s.name)))
  await expect(page.getByRole('alert')).toHaveCount(0)
  const statuses = (await emulator.requests())
    .filter((r) => r.path === '/instance/v1/zones/fr-par-1/servers')
    .map((r) => r.status)
  // The 429, then its retry; fr-par-1 has moving servers, so the list's 2 s poll may follow.
  expect(statuses.slice(0, 2)).toEqual([429, 200])
  expect(statuses.slice(2).every((status) => status === 200)).toBe(true)
})

test('an IAM application key without IAM read signs in, and sees only its project', async ({ page, emulator, signIn }) => {
  const visible = await emulator.servers('fr-par-1', APP_KEY)
  const all = await emulator.servers('fr-par-1', ADMIN_KEY)
  expect(visible.length).toBeGreaterThan(0)
  expect(visible.length, 'the application key is scoped to one project').toBeLessThan(all.length)
  await emulator.clearRequests()

  await page.goto('/instances?zone=fr-par-1')
  await signIn(APP_KEY)

  await expect(page.getByRole('table', { name: 'Instances in fr-par-1' })).toBeVisible()
  expect(sorted(await nameColumn(page))).toEqual(sorted(visible.map((s) => s.name)))
  expect(await emulator.requests()).toContainEqual(
    expect.objectContaining({ path: `/iam/v1alpha1/api-keys/${APP_KEY.accessKey}`, status: 403, accessKey: APP_KEY.accessKey }),
  )

  await page.getByRole('link', { name: 'API key' }).click()
  await expect(page.getByRole('status')).toContainText('may not read its own IAM record')
})
