import { ADMIN_KEY, expect, nameColumn, sorted, test, ZONES } from './fixtures.ts'

interface Summary {
  id: string
  name: string
  state: string
}

test.describe('instances list', () => {
  test('"Search by name" and "State" live in the URL and reach the API as its own parameters', async ({ page, emulator, signIn }) => {
    const truth = await emulator.api<{ servers: Summary[] }>('/instance/v1/zones/fr-par-1/servers?name=web&state=running')
    expect(truth.body.servers.length, 'the seed has running servers named web in fr-par-1').toBeGreaterThan(0)
    await page.goto('/instances?zone=fr-par-1')
    await signIn(ADMIN_KEY)
    await expect(page.getByRole('table', { name: 'Instances in fr-par-1' })).toBeVisible()
    await emulator.clearRequests()

    await page.getByRole('searchbox', { name: 'Search by name' }).fill('web')
    await expect(page).toHaveURL(/[?&]name=web(&|$)/)
    await page.getByRole('combobox', { name: 'State' }).selectOption('running')
    await expect(page).toHaveURL(/\?zone=fr-par-1&name=web&state=running$/)
    await expect(page.getByText(`${truth.body.servers.length} instances`, { exact: true })).toBeVisible()
    expect(sorted(await nameColumn(page))).toEqual(sorted(truth.body.servers.map((s) => s.name)))

    const lists = (await emulator.requests()).filter((r) => r.method === 'GET' && r.path === '/instance/v1/zones/fr-par-1/servers')
    const last = new URLSearchParams(lists.at(-1)?.query)
    expect(last.get('name')).toBe('web')
    expect(last.get('state')).toBe('running')

    // A reload shows the same view from the URL alone.
    await page.reload()
    await expect(page.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('web')
    await expect(page.getByRole('combobox', { name: 'State' })).toHaveValue('running')
    expect(sorted(await nameColumn(page))).toEqual(sorted(truth.body.servers.map((s) => s.name)))
  })

  test('pages through a zone with more than one page', async ({ page, emulator, signIn }) => {
    const all = await emulator.servers('fr-par-1')
    expect(all.length, 'fr-par-1 needs more than 10 servers').toBeGreaterThan(10)
    const page2 = await emulator.api<{ servers: Summary[] }>('/instance/v1/zones/fr-par-1/servers?per_page=10&page=2')
    await page.goto('/instances?zone=fr-par-1&per_page=10')
    await signIn(ADMIN_KEY)
    await expect(page.getByText(`1–10 of ${all.length} instances`)).toBeVisible()

    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next' }).click()
    await expect(page).toHaveURL(/[?&]page=2(&|$)/)
    await expect(page.getByText(`11–${all.length} of ${all.length} instances`)).toBeVisible()
    expect(await nameColumn(page)).toEqual(page2.body.servers.map((s) => s.name))
    const queries = (await emulator.requests()).filter((r) => r.path === '/instance/v1/zones/fr-par-1/servers').map((r) => new URLSearchParams(r.query))
    // Page 2 was prefetched while page 1 showed, or asked for on the click: either way with the page size.
    expect(queries.some((q) => q.get('page') === '2' && q.get('per_page') === '10')).toBe(true)
  })

  test('all zones: one failing zone says so, the others are listed, and Retry brings it back', async ({ page, emulator, signIn }) => {
    const failing = 'fr-par-2'
    const failingServers = await emulator.servers(failing)
    const others = (await emulator.servers('nl-ams-1')).map((s) => s.name)
    await emulator.faults([{ path: `/instance/v1/zones/${failing}/servers`, method: 'GET', status: 500 }])

    await page.goto('/instances?zone=all')
    await signIn(ADMIN_KEY)
    const zones = page.getByRole('region', { name: 'Zones' })
    // 5xx is retried with backoff before the zone is called failed.
    await expect(zones.getByText(`${failing}: failed`)).toBeVisible({ timeout: 20_000 })
    await expect(zones.getByText('nl-ams-3: empty')).toBeVisible()
    const table = page.getByRole('table', { name: 'Instances in all zones' })
    for (const name of others) await expect(table.getByRole('link', { name, exact: true }).first()).toBeVisible()
    // None of the failing zone's rows show (names may repeat across zones; links carry the zone).
    expect(await page.locator(`a[href^="/instances/${failing}/"]`).count()).toBe(0)

    await emulator.clearFaults()
    await zones.getByRole('button', { name: `Retry ${failing}` }).click()
    await expect(zones.getByText(new RegExp(`^${failing}: loaded`))).toBeVisible()
    await expect(page.locator(`a[href^="/instances/${failing}/"]`)).toHaveCount(failingServers.length)
  })

  test('a long list keeps only the rows near the screen, in order, and scrolling reaches every row', async ({ page, emulator, signIn }) => {
    const count = 600
    await emulator.reset({ seedServers: count })
    // The emulator's own lists, newest first across zones: the page's default order.
    const lists = await Promise.all(
      ZONES.map((zone) => emulator.api<{ servers: { id: string; creation_date: string }[] }>(`/instance/v1/zones/${zone}/servers?per_page=100`)),
    )
    const truth = lists.flatMap((l) => l.body.servers).sort((a, b) => Date.parse(b.creation_date) - Date.parse(a.creation_date))
    expect(truth, 'every seeded server is listed (one page per zone)').toHaveLength(count)

    await page.goto('/instances?zone=all')
    await signIn(ADMIN_KEY)
    const table = page.getByRole('table', { name: 'Instances in all zones' })
    await expect(page.getByText(`All ${ZONES.length} zones answered.`)).toBeAttached()
    await expect(table).toHaveAttribute('aria-rowcount', String(count + 1))
    const rows = table.locator('tbody tr[aria-rowindex]')
    const idAt = (row: ReturnType<typeof rows.nth>) => row.locator('a[href^="/instances/"]').getAttribute('href')
    await expect(rows.first()).toHaveAttribute('aria-rowindex', '2')
    expect(await idAt(rows.first())).toContain(truth[0]!.id)
    const drawn = await rows.count()
    expect(drawn, 'only the rows near the screen are in the page').toBeLessThan(40)

    // Halfway, then the end: the rows drawn are those of that place, each where the list puts it.
    const rowHeight = (await rows.first().boundingBox())!.height
    for (const at of [Math.floor(count / 2), count - 1]) {
      const row = table.locator(`tbody tr[aria-rowindex="${at + 2}"]`)
      await expect(async () => {
        await page.evaluate(
          ({ index, height }) => {
            const body = document.querySelector('table[aria-label="Instances in all zones"] tbody')!
            window.scrollTo(0, body.getBoundingClientRect().top + window.scrollY + index * height - 200)
          },
          { index: at, height: rowHeight },
        )
        await expect(row).toBeInViewport({ timeout: 1_000 })
      }).toPass({ timeout: 10_000 })
      expect(await idAt(row)).toContain(truth[at]!.id)
      // Where the whole list would put it, to the pixel.
      const offset = await row.evaluate((tr) => tr.getBoundingClientRect().top - tr.closest('tbody')!.getBoundingClientRect().top)
      expect(Math.abs(offset - at * rowHeight)).toBeLessThan(1.5)
      expect(await rows.count()).toBeLessThan(40)
    }
  })

  test('scrolling a long list reuses its rows, and keeps the row of an open menu or of focus with its server', async ({ page, emulator, signIn }) => {
    const count = 600
    await emulator.reset({ seedServers: count })
    const lists = await Promise.all(
      ZONES.map((zone) =>
        emulator.api<{ servers: { id: string; name: string; state: string; zone: string; creation_date: string }[] }>(
          `/instance/v1/zones/${zone}/servers?per_page=100`,
        ),
      ),
    )
    const truth = lists.flatMap((l) => l.body.servers).sort((a, b) => Date.parse(b.creation_date) - Date.parse(a.creation_date))
    const at = truth.findIndex((s, i) => i < 6 && s.state === 'running')
    expect(at, 'a running server among the first rows').toBeGreaterThanOrEqual(0)
    const server = truth[at]!

    await page.goto('/instances?zone=all')
    await signIn(ADMIN_KEY)
    const table = page.getByRole('table', { name: 'Instances in all zones' })
    await expect(page.getByText(`All ${ZONES.length} zones answered.`)).toBeAttached()
    const rowAt = (index: number) => table.locator(`tbody tr[aria-rowindex="${index + 2}"]`)
    const focusedLabel = () => page.evaluate(() => (document.activeElement instanceof HTMLButtonElement ? document.activeElement.getAttribute('aria-label') : null))
    const scrollTo = (share: number) => page.evaluate((s) => window.scrollTo(0, document.documentElement.scrollHeight * s), share)
    // The rows drawn far down the list: other servers, in the elements the first rows had.
    const farRow = table.locator(`tbody tr[aria-rowindex="${Math.round(count / 2) + 2}"]`)

    const trigger = rowAt(at).getByRole('button', { name: /^Actions for / })
    await expect(trigger).toHaveAccessibleName(`Actions for ${server.name}`)
    const element = await trigger.elementHandle()
    await trigger.click()
    const menu = page.getByRole('list', { name: `Actions for ${server.name}` })
    await expect(menu).toBeVisible()
    await expect(trigger).toHaveAttribute('aria-expanded', 'true')
    await page.keyboard.press('Tab')
    await expect(menu.getByRole('button').first()).toBeFocused()

    await scrollTo(0.5)
    await expect(farRow).toBeInViewport()
    // The row whose menu is open stays, with its own button: the same element, still this server's, still expanded.
    expect(await element!.evaluate((button) => button.isConnected && button.getAttribute('aria-label'))).toBe(`Actions for ${server.name}`)
    const expanded = await page.locator('[aria-expanded="true"]').evaluateAll((all) => all.map((e) => e.getAttribute('aria-label')))
    expect(expanded).toEqual([`Actions for ${server.name}`])
    await expect(table.locator('tbody tr[aria-rowindex]')).not.toHaveCount(0)
    expect(await table.locator('tbody tr[aria-rowindex]').count(), 'only the rows near the screen, and that one').toBeLessThan(40)
    // The menu follows its trigger off the screen; opened again, it still acts on that server: that is what reaches the API.
    await expect(menu).not.toBeInViewport()
    await scrollTo(0)
    await expect(menu).toBeInViewport()
    await emulator.clearRequests()
    await menu.getByRole('button', { name: 'Power off' }).click()
    const dialog = page.getByRole('dialog', { name: `Power off ${server.name}?` })
    await expect(dialog).toBeVisible()
    // The page behind scrolls on: the row the dialog returns to stays with its server.
    await scrollTo(0.5)
    await expect(farRow).toBeAttached()
    await dialog.getByRole('button', { name: 'Power off' }).click()
    await expect(dialog).toBeHidden()
    const posts = (await emulator.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/action'))
    expect(posts.map((r) => r.path)).toEqual([`/instance/v1/zones/${server.zone}/servers/${server.id}/action`])
    expect(await focusedLabel(), 'focus is back on this server’s button').toBe(`Actions for ${server.name}`)

    // Focus scrolled away stays on its button, which keeps its server; Escape from a menu scrolled away returns there.
    await scrollTo(0)
    await expect(trigger).toBeFocused()
    const second = rowAt(1).getByRole('button', { name: /^Actions for / })
    const secondLabel = (await second.getAttribute('aria-label'))!
    await second.click()
    await page.keyboard.press('Tab')
    await scrollTo(0.5)
    await expect(farRow).toBeInViewport()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('list', { name: secondLabel })).toBeHidden()
    expect(await focusedLabel()).toBe(secondLabel)
    await scrollTo(0.25)
    expect(await focusedLabel()).toBe(secondLabel)
    await scrollTo(0)
    await expect(second).toBeFocused()
    await expect(second).toHaveAttribute('aria-label', secondLabel)
  })
})
