import type { Page } from '@playwright/test'
import { ADMIN_KEY, APP_KEY, type DemoKey, EXPIRED_KEY, expect, test } from './fixtures.ts'

const step = (page: Page, name: string) => page.getByRole('region', { name, exact: true })
const stepStatus = (page: Page, name: string) => step(page, name).getByTestId('step-status')

async function paste(page: Page, key: DemoKey) {
  const paste = step(page, 'Paste it')
  await paste.getByLabel('Access key', { exact: true }).fill(key.accessKey)
  await paste.getByLabel('Secret key', { exact: true }).fill(key.secretKey)
}

test('signed out: from empty fields to a successful test, then signed in with one click', async ({ page, emulator, requestedUrls }) => {
  // The whole walkthrough and a page change: room for a slow shared machine.
  test.slow()
  const truth = await emulator.api<{ user_id: string; default_project_id: string }>(`/iam/v1alpha1/api-keys/${ADMIN_KEY.accessKey}`)
  await emulator.clearRequests()
  await page.goto('/get-started')

  // Signed out, it still looks like the console, and nothing was asked of the API.
  await expect(page).toHaveURL(/\/get-started$/)
  await expect(page.getByRole('heading', { name: 'Get started', level: 1 })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Scaleway Console')
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible()
  for (const name of ['Generate a key', 'Paste it', 'Test it', 'Use it', 'Next']) await expect(stepStatus(page, name)).toContainText('Waiting')
  await expect(step(page, 'Next').getByRole('button', { name: 'Sign in with this key' })).toBeDisabled()
  expect(await emulator.requests()).toEqual([])

  await paste(page, ADMIN_KEY)
  await expect(stepStatus(page, 'Paste it')).toContainText('Done')
  await expect(step(page, 'Paste it')).toContainText('Looks right: SCW and 17 letters or digits.')
  await step(page, 'Test it').getByRole('button', { name: 'Test it' }).click()

  const result = step(page, 'Test it').getByRole('status')
  await expect(result).toContainText('HTTP 200')
  await expect(result).toContainText(/\d+ ms/)
  await expect(result).toContainText('It works')
  await expect(stepStatus(page, 'Test it')).toContainText('Done')
  await expect(step(page, 'Test it')).toContainText(`user_id${truth.body.user_id}: the key belongs to a user`)
  await expect(step(page, 'Test it')).toContainText(`default_project_id${truth.body.default_project_id}`)
  await expect(step(page, 'Test it')).toContainText(`organization`)
  await expect(step(page, 'Test it')).toContainText(`: ${truth.body.default_project_id} (Account API, project “default”)`)
  await expect(step(page, 'Test it').getByText('"access_key": "SCWDEMOADMIN00000001"')).toBeVisible()

  // What reached the API: the IAM read of this key, with this key, and the Account read of its project.
  const log = await emulator.requests()
  expect(log[0]).toEqual(expect.objectContaining({ method: 'GET', path: `/iam/v1alpha1/api-keys/${ADMIN_KEY.accessKey}`, status: 200, accessKey: ADMIN_KEY.accessKey }))
  expect(log).toContainEqual(expect.objectContaining({ path: `/account/v3/projects/${truth.body.default_project_id}`, status: 200 }))

  // Use it: the export lines are masked until revealed, the commands name the chosen zone.
  const use = step(page, 'Use it')
  await expect(stepStatus(page, 'Use it')).toContainText('Done')
  await use.getByLabel('Default zone').selectOption('nl-ams-1')
  await expect(use).toContainText(`export SCW_SECRET_KEY=${ADMIN_KEY.secretKey.slice(0, 8)}-xxxx-xxxx-xxxx-xxxxxxxxxxxx`)
  await expect(use).toContainText(`export SCW_DEFAULT_PROJECT_ID=${truth.body.default_project_id}`)
  await expect(use).toContainText('export SCW_DEFAULT_ZONE=nl-ams-1')
  await expect(use).toContainText('/instance/v1/zones/nl-ams-1/servers')
  await expect(use).toContainText('curl https://account.scaleway.com/tokens/$SCW_ACCESS_KEY')
  await expect(use).toContainText('Retired')
  expect(await page.content(), 'not in the DOM before it is revealed').not.toContain(ADMIN_KEY.secretKey)
  await use.getByRole('button', { name: 'Reveal secret key' }).click()
  await expect(use).toContainText(`export SCW_SECRET_KEY=${ADMIN_KEY.secretKey}`)
  await use.getByRole('button', { name: 'Hide secret key' }).click()
  expect(await page.content()).not.toContain(ADMIN_KEY.secretKey)

  await emulator.clearRequests()
  await step(page, 'Next').getByRole('button', { name: 'Sign in with this key' }).click()
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText(ADMIN_KEY.accessKey)
  // The steps survived the switch to the console's shell; no second verification was needed.
  await expect(stepStatus(page, 'Next')).toContainText('Done')
  await expect(stepStatus(page, 'Test it')).toContainText('Done')
  expect((await emulator.requests()).filter((r) => r.path.startsWith('/iam/'))).toEqual([])

  await step(page, 'Next').getByRole('link', { name: 'Instances in nl-ams-1' }).click()
  await expect(page).toHaveURL(/\/instances\?zone=nl-ams-1$/)
  await expect(page.getByRole('table', { name: 'Instances in nl-ams-1' })).toBeVisible()
  expect(requestedUrls.filter((url) => decodeURIComponent(url).includes(ADMIN_KEY.secretKey))).toEqual([])
  expect(await page.evaluate(() => localStorage.length)).toBe(0)
})

test('a wrong secret gets the 401 explanation, and the step says failed', async ({ page, emulator }) => {
  await page.goto('/get-started')
  await paste(page, { accessKey: ADMIN_KEY.accessKey, secretKey: '11111111-1111-4111-8111-000000000000' })
  await step(page, 'Test it').getByRole('button', { name: 'Test it' }).click()
  const result = step(page, 'Test it').getByRole('status')
  await expect(result).toContainText('HTTP 401')
  await expect(result).toContainText('Wrong key: the secret matches no API key')
  await expect(result).toContainText('mistyped')
  await expect(stepStatus(page, 'Test it')).toContainText('Failed')
  await expect(step(page, 'Next').getByRole('button', { name: 'Sign in with this key' })).toBeDisabled()
  await expect(step(page, 'Test it')).toContainText('"reason": "not_found"')
  expect(await emulator.requests()).toEqual([
    expect.objectContaining({ path: `/iam/v1alpha1/api-keys/${ADMIN_KEY.accessKey}`, status: 401, accessKey: null }),
  ])

  // Its row of the status-code guide, on the same page.
  await result.getByRole('link', { name: 'What HTTP 401 means' }).click()
  await expect(page).toHaveURL(/#status-401$/)
  await expect(page.locator('#status-401')).toBeFocused()
})

test('the expired key says expired', async ({ page, emulator }) => {
  await page.goto('/get-started')
  await paste(page, EXPIRED_KEY)
  await step(page, 'Test it').getByRole('button', { name: 'Test it' }).click()
  const result = step(page, 'Test it').getByRole('status')
  await expect(result).toContainText('HTTP 401')
  await expect(result).toContainText('This key has expired')
  await expect(stepStatus(page, 'Test it')).toContainText('Failed')
  expect(await emulator.requests()).toEqual([expect.objectContaining({ status: 401, accessKey: EXPIRED_KEY.accessKey })])
})

test('a key without IAM read: 403 explained, it still works and signs in', async ({ page, emulator }) => {
  await page.goto('/get-started')
  await paste(page, APP_KEY)
  await step(page, 'Test it').getByRole('button', { name: 'Test it' }).click()
  const result = step(page, 'Test it').getByRole('status')
  await expect(result).toContainText('HTTP 403')
  await expect(result).toContainText('The key works, but may not read IAM')
  await expect(result).toContainText('It still works for what it may do')
  await expect(stepStatus(page, 'Test it')).toContainText('Done')
  await step(page, 'Next').getByRole('button', { name: 'Sign in with this key' }).click()
  await expect(page.getByRole('banner')).toContainText(APP_KEY.accessKey)
  expect((await emulator.requests()).map((r) => r.status)).toEqual([403])
})

test('live format validation with the sign-in rules: nothing is sent for a malformed key', async ({ page, emulator }) => {
  await page.goto('/get-started')
  const paste = step(page, 'Paste it')
  await paste.getByLabel('Access key', { exact: true }).fill('SCW123')
  await paste.getByLabel('Secret key', { exact: true }).fill('not-a-uuid')
  await paste.getByLabel('Access key', { exact: true }).focus()
  await expect(paste.getByText('Access key must start with SCW followed by 17 letters or digits (20 characters in all); this one has 6.')).toBeVisible()
  await expect(paste.getByText('Secret key must be a UUID')).toBeVisible()
  await expect(stepStatus(page, 'Paste it')).toContainText('Failed')
  await step(page, 'Test it').getByRole('button', { name: 'Test it' }).click()
  await paste.getByLabel('Access key', { exact: true }).fill(ADMIN_KEY.accessKey)
  await expect(paste.getByText('Access key must start with SCW')).toBeHidden()
  expect(await emulator.requests()).toEqual([])
})

test('no answer (the API unreachable) is told apart from a refusal', async ({ page, emulator }) => {
  await page.goto('/get-started')
  // Only the Scaleway API behind the proxy: the app's own modules (…/api-key/api/…) still load.
  await page.route((url) => url.pathname.startsWith('/api/'), (route) => route.abort('connectionrefused'))
  await paste(page, ADMIN_KEY)
  await step(page, 'Test it').getByRole('button', { name: 'Test it' }).click()
  const result = step(page, 'Test it').getByRole('status')
  await expect(result).toContainText('No answer')
  await expect(result).toContainText('the API could not be reached')
  expect(await emulator.requests()).toEqual([])
})

test('signed in, it is inside the console; error panels elsewhere link to their row of the guide', async ({ page, emulator, signIn }) => {
  await emulator.faults([{ path: '/instance/v1/zones/fr-par-3/servers', method: 'GET', status: 403 }])
  await page.goto('/instances?zone=fr-par-3')
  await signIn(ADMIN_KEY)
  const panel = page.getByRole('alert').filter({ hasText: 'Permission denied' })
  await panel.getByRole('link', { name: 'What HTTP 403 means' }).click()
  await expect(page).toHaveURL(/\/get-started#status-403$/)
  await expect(page.locator('#status-403')).toBeFocused()
  await expect(page.locator('#status-403')).toContainText('Forbidden')
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' })).toBeVisible()
  await expect(step(page, 'Paste it')).toContainText(`You are signed in with ${ADMIN_KEY.accessKey}`)
})
