import { fileURLToPath } from 'node:url'
import { ADMIN_KEY, APP_KEY, EXPIRED_KEY, expect, test } from './fixtures.ts'

// For a human to look at (e2e/.artifacts/ is git-ignored); no pixel assertions.
const artifact = (name: string) => fileURLToPath(new URL(`./.artifacts/${name}.png`, import.meta.url))

test('screenshots of the main screens', async ({ page, emulator, signIn }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  await page.screenshot({ path: artifact('sign-in'), fullPage: true })

  await signIn(ADMIN_KEY)
  await page.goto('/instances?zone=fr-par-1')
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
  await page.screenshot({ path: artifact('instances'), fullPage: true })

  await emulator.faults([{ path: '/instance/v1/zones/pl-waw-2/servers', method: 'GET', status: 403 }])
  await page.goto('/instances?zone=all')
  await expect(page.getByRole('region', { name: 'Zones' }).getByText('9 of 10 zones answered; 1 forbidden.')).toBeVisible()
  await page.screenshot({ path: artifact('instances-all-zones'), fullPage: true })
  await emulator.clearFaults()

  const row = page.getByRole('table').getByRole('row').filter({ hasText: 'running' }).first()
  await row.getByRole('button', { name: /^Actions for / }).click()
  await page.screenshot({ path: artifact('instances-actions-menu') })
  await page.keyboard.press('Escape')

  await row.getByRole('link').first().click()
  await expect(page.getByRole('table', { name: 'Volumes' })).toBeVisible()
  await page.screenshot({ path: artifact('instance-detail'), fullPage: true })

  await page.getByRole('group', { name: 'Lifecycle actions' }).getByRole('button', { name: 'Terminate' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.screenshot({ path: artifact('instance-terminate-dialog') })
  await page.keyboard.press('Escape')

  await page.goto('/instances/new?zone=fr-par-1')
  await expect(page.getByRole('combobox', { name: 'Commercial type' })).toBeEnabled()
  await page.screenshot({ path: artifact('instance-create'), fullPage: true })

  await page.goto('/ips?zone=all')
  await expect(page.getByRole('region', { name: 'Zones' }).getByText('All 10 zones answered.')).toBeVisible()
  await page.screenshot({ path: artifact('ips-all-zones'), fullPage: true })
  const detached = page.getByRole('row').filter({ hasText: 'detached' }).first()
  await detached.getByRole('button', { name: /^Actions for / }).click()
  await page.getByRole('list', { name: /^Actions for / }).getByRole('button', { name: 'Attach' }).click()
  await expect(page.getByRole('dialog').getByRole('radio').first()).toBeVisible()
  await page.screenshot({ path: artifact('ip-attach-dialog') })
  await page.keyboard.press('Escape')

  await page.goto('/')
  await expect(page.getByText('All 10 zones answered.').first()).toBeVisible()
  await page.screenshot({ path: artifact('inventory'), fullPage: true })

  await page.goto('/no-such-page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await page.screenshot({ path: artifact('not-found'), fullPage: true })
})

test('screenshots of the API key page and the Get started walkthrough', async ({ page, emulator, signIn }) => {
  test.slow()
  await page.goto('/get-started')
  const paste = page.getByRole('region', { name: 'Paste it' })
  await paste.getByLabel('Access key', { exact: true }).fill(EXPIRED_KEY.accessKey)
  await paste.getByLabel('Secret key', { exact: true }).fill(EXPIRED_KEY.secretKey)
  await page.getByRole('button', { name: 'Test it' }).click()
  await expect(page.getByText('This key has expired')).toBeVisible()
  await page.screenshot({ path: artifact('get-started-expired'), fullPage: true })

  await paste.getByLabel('Access key', { exact: true }).fill(ADMIN_KEY.accessKey)
  await paste.getByLabel('Secret key', { exact: true }).fill(ADMIN_KEY.secretKey)
  await page.getByRole('button', { name: 'Test it' }).click()
  await expect(page.getByText('Account API, project “default”', { exact: false })).toBeVisible()
  await page.screenshot({ path: artifact('get-started-signed-out'), fullPage: true })
  await page.getByRole('button', { name: 'Sign in with this key' }).click()
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible()
  await page.screenshot({ path: artifact('get-started-signed-in'), fullPage: true })

  await page.goto('/api-key')
  await expect(page.getByText('22 of 22 calls allowed, 0 denied, 0 failed.')).toBeVisible()
  await expect(page.getByRole('article', { name: 'Operators' }).getByText('InstancesFullAccess')).toBeVisible()
  await page.screenshot({ path: artifact('api-key-admin'), fullPage: true })

  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await signIn(APP_KEY)
  await page.goto('/api-key')
  await expect(page.getByText('20 of 22 calls allowed, 2 denied, 0 failed.')).toBeVisible()
  await page.screenshot({ path: artifact('api-key-application'), fullPage: true })

  await emulator.faults([{ path: '/instance/v1/zones/fr-par-2/servers', method: 'GET', status: 500 }])
  await page.getByRole('button', { name: 'Run the checks again' }).click()
  await expect(page.getByText('19 of 22 calls allowed, 2 denied, 1 failed.')).toBeVisible()
  await page.screenshot({ path: artifact('api-key-failure'), fullPage: true })
})
