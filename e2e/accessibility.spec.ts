import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { ADMIN_KEY, APP_KEY, EXPIRED_KEY, expect, test } from './fixtures.ts'

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  for (const v of serious) {
    console.log(`[axe ${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`)
    for (const node of v.nodes.slice(0, 5)) console.log(`    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
  }
  return serious.map((v) => `${v.impact} ${v.id}: ${v.nodes.length} node(s)`)
}

test('the sign-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})

test.describe('the instances pages have no serious accessibility violations', () => {
  // axe takes 10 to 15 s on a full table on two shared cores: room for it, not for a slow page.
  test.slow()
  test.beforeEach(async ({ page, signIn }) => {
    await page.goto('/sign-in')
    await signIn(ADMIN_KEY)
  })

  test('one zone', async ({ page }) => {
    await page.goto('/instances?zone=fr-par-1')
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('all zones', async ({ page }) => {
    await page.goto('/instances?zone=all')
    await expect(page.getByRole('region', { name: 'Zones' }).getByText('All 10 zones answered.')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('all zones, a long list (its rows virtualised), with the Actions menu open', async ({ page, emulator }) => {
    await emulator.reset({ seedServers: 600 })
    await page.goto('/instances?zone=all')
    await expect(page.getByRole('region', { name: 'Zones' }).getByText('All 10 zones answered.')).toBeVisible()
    const table = page.getByRole('table', { name: 'Instances in all zones' })
    await expect(table).toHaveAttribute('aria-rowcount', '601')
    // Laid out as flex rows, it is still a table of rows and cells to assistive technology.
    await expect(table.getByRole('columnheader', { name: 'Name' })).toBeVisible()
    await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toBeVisible()
    expect(await seriousViolations(page), 'list').toEqual([])
    await table.getByRole('row').nth(1).getByRole('button', { name: /^Actions for / }).click()
    await expect(page.getByRole('list', { name: /^Actions for / })).toBeVisible()
    expect(await seriousViolations(page), 'menu open').toEqual([])
  })

  test('detail, and its confirmation dialog', async ({ page }) => {
    await page.goto('/instances?zone=fr-par-1&state=running')
    await page.getByRole('table').getByRole('row').nth(1).getByRole('link').first().click()
    await expect(page.getByRole('table', { name: 'Volumes' })).toBeVisible()
    expect(await seriousViolations(page), 'detail').toEqual([])

    await page.getByRole('group', { name: 'Lifecycle actions' }).getByRole('button', { name: 'Terminate' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    expect(await seriousViolations(page), 'confirmation dialog').toEqual([])
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toBeHidden()
  })

  test('flexible IPs, and the attach dialog', async ({ page }) => {
    await page.goto('/ips?zone=all')
    await expect(page.getByRole('region', { name: 'Zones' }).getByText('All 10 zones answered.')).toBeVisible()
    expect(await seriousViolations(page), 'list').toEqual([])
    await page.getByRole('row').filter({ hasText: 'detached' }).first().getByRole('button', { name: /^Actions for / }).click()
    await page.getByRole('list', { name: /^Actions for / }).getByRole('button', { name: 'Attach' }).click()
    await expect(page.getByRole('dialog').getByRole('radio').first()).toBeVisible()
    expect(await seriousViolations(page), 'attach dialog').toEqual([])
  })

  test('create', async ({ page }) => {
    await page.goto('/instances/new?zone=fr-par-1')
    await expect(page.getByRole('combobox', { name: 'Commercial type' })).toBeEnabled()
    expect(await seriousViolations(page)).toEqual([])
  })
})

test.describe('the API key page and the Get started walkthrough have no serious accessibility violations', () => {
  test.slow()

  test('API key page, admin key, with the raw JSON open', async ({ page, signIn }) => {
    await page.goto('/api-key')
    await signIn(ADMIN_KEY)
    await expect(page.getByText('22 of 22 calls allowed, 0 denied, 0 failed.')).toBeVisible()
    await expect(page.getByRole('article', { name: 'Administrators' }).getByText('AllProductsFullAccess')).toBeVisible()
    await page.getByText(/^Raw IAM JSON/).click()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('API key page, application key (IAM denied)', async ({ page, signIn }) => {
    await page.goto('/api-key')
    await signIn(APP_KEY)
    await expect(page.getByText('20 of 22 calls allowed, 2 denied, 0 failed.')).toBeVisible()
    expect(await seriousViolations(page)).toEqual([])
  })

  test('Get started signed out, empty and after a failed test', async ({ page }) => {
    await page.goto('/get-started')
    await expect(page.getByRole('heading', { name: 'Get started', level: 1 })).toBeVisible()
    expect(await seriousViolations(page), 'empty').toEqual([])
    const paste = page.getByRole('region', { name: 'Paste it' })
    await paste.getByLabel('Access key', { exact: true }).fill(EXPIRED_KEY.accessKey)
    await paste.getByLabel('Secret key', { exact: true }).fill(EXPIRED_KEY.secretKey)
    await page.getByRole('button', { name: 'Test it' }).click()
    await expect(page.getByText('This key has expired')).toBeVisible()
    expect(await seriousViolations(page), 'expired').toEqual([])
  })
})

test('keyboard: the actions menu opens, and Escape closes it and the dialog it leads to, focus back on its button', async ({ page, signIn }) => {
  await page.goto('/instances?zone=fr-par-1')
  await signIn(ADMIN_KEY)
  const button = page.getByRole('table').getByRole('button', { name: /^Actions for / }).first()
  await button.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('list', { name: /^Actions for / }).first()
  await expect(menu).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(menu.getByRole('button').first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(button).toBeFocused()

  // Again, to a command: Escape closes its dialog and focus is back on the row's Actions button.
  await page.keyboard.press('Enter')
  await expect(menu).toBeVisible()
  await menu.locator('button:not([aria-disabled])').first().focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(button).toBeFocused()
})
