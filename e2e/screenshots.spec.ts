import { fileURLToPath } from 'node:url'
import { ADMIN_KEY, expect, test } from './fixtures.ts'

// For a human to look at (e2e/.artifacts/ is git-ignored); no pixel assertions.
const artifact = (name: string) => fileURLToPath(new URL(`./.artifacts/${name}.png`, import.meta.url))

test('screenshots of the main screens', async ({ page, signIn }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible()
  await page.screenshot({ path: artifact('sign-in'), fullPage: true })

  await signIn(ADMIN_KEY)
  await page.goto('/instances?zone=fr-par-1')
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
  await page.screenshot({ path: artifact('instances'), fullPage: true })

  await page.goto('/no-such-page')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await page.screenshot({ path: artifact('not-found'), fullPage: true })
})
