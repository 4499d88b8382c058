import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { ADMIN_KEY, expect, test } from './fixtures.ts'

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

test('the instances page has no serious accessibility violations', async ({ page, signIn }) => {
  await page.goto('/instances?zone=fr-par-1')
  await signIn(ADMIN_KEY)
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
})
