import { ADMIN_KEY, expect, test } from './fixtures.ts'

test('credentials live in sessionStorage only and sign-out forgets them', async ({ page, context, signIn, requestedUrls }) => {
  const consoleOutput: string[] = []
  page.on('console', (message) => consoleOutput.push(message.text()))
  await page.goto('/instances?zone=fr-par-1')
  await signIn(ADMIN_KEY)
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible()
  // A journey through every page: none of them puts the secret in the DOM or the console.
  for (const link of ['Inventory', 'Flexible IPs', 'API key', 'Instances']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await page.content(), `the DOM of ${link}`).not.toContain(ADMIN_KEY.secretKey)
  }
  expect(consoleOutput.join('\n')).not.toContain(ADMIN_KEY.secretKey)

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
