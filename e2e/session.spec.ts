import { ADMIN_KEY, expect, test } from './fixtures.ts'

test('credentials live in sessionStorage only and sign-out forgets them', async ({ page, context, signIn, requestedUrls }) => {
  await page.goto('/instances?zone=fr-par-1')
  await signIn(ADMIN_KEY)
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()

  const storage = await page.evaluate(() => ({
    local: localStorage.length,
    cookie: document.cookie,
    session: Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key) ?? ''),
  }))
  expect(storage.local, 'nothing in localStorage').toBe(0)
  expect(storage.cookie, 'no cookies').toBe('')
  expect(await context.cookies()).toEqual([])
  expect(storage.session.join('\n')).toContain(ADMIN_KEY.accessKey)
  expect(storage.session.join('\n')).toContain(ADMIN_KEY.secretKey)

  expect(requestedUrls.length).toBeGreaterThan(0)
  const leaking = requestedUrls.filter((url) => decodeURIComponent(url).includes(ADMIN_KEY.secretKey))
  expect(leaking, 'the secret must never appear in a URL').toEqual([])

  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(page).toHaveURL(/\/sign-in(\?|$)/)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  const after = await page.evaluate(() => Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key) ?? '').join('\n'))
  expect(after).not.toContain(ADMIN_KEY.secretKey)
  expect(after).not.toContain(ADMIN_KEY.accessKey)

  await page.goto('/instances')
  await expect(page).toHaveURL(/\/sign-in(\?|$)/)
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0)
})
