import type { Page } from '@playwright/test'
import { ADMIN_KEY, READONLY_KEY, ZONES, expect, test, type EmulatorClient } from './fixtures.ts'

interface Ip {
  id: string
  address: string | null
  prefix: string | null
  reverse: string | null
  state: string
  project: string
  tags: string[]
  server: { id: string; name: string } | null
}

interface ServerSummary {
  id: string
  name: string
  project: string
  public_ips: { id: string; address: string }[]
}

async function ips(emulator: EmulatorClient, zone: string): Promise<Ip[]> {
  const all: Ip[] = []
  for (let page = 1; ; page++) {
    const { body, headers } = await emulator.api<{ ips: Ip[] }>(`/instance/v1/zones/${zone}/ips?per_page=100&page=${page}`)
    all.push(...body.ips)
    if (all.length >= Number(headers.get('x-total-count') ?? 0) || body.ips.length === 0) return all
  }
}

async function server(emulator: EmulatorClient, zone: string, name: string): Promise<ServerSummary> {
  const { body } = await emulator.api<{ servers: ServerSummary[] }>(`/instance/v1/zones/${zone}/servers?name=${name}`)
  const found = body.servers.find((s) => s.name === name)
  if (!found) throw new Error(`no server ${name} in ${zone}`)
  return found
}

/** A detached IPv4 of fr-par-1 in the same project as `worker-1`. */
async function spareIp(emulator: EmulatorClient): Promise<{ ip: Ip; worker: ServerSummary }> {
  const worker = await server(emulator, 'fr-par-1', 'worker-1')
  const ip = (await ips(emulator, 'fr-par-1')).find((i) => !i.server && i.address && i.project === worker.project)
  if (!ip) throw new Error('the seed should hold a detached IPv4 in the default project of fr-par-1')
  return { ip, worker }
}

/** The spare IP, attached to `worker-1` through the API (behind the page's back) and settled. */
async function attachedSpareIp(emulator: EmulatorClient): Promise<{ ip: Ip; worker: ServerSummary }> {
  const spare = await spareIp(emulator)
  await emulator.api(`/instance/v1/zones/fr-par-1/ips/${spare.ip.id}`, ADMIN_KEY, { method: 'PATCH', body: JSON.stringify({ server: spare.worker.id }) })
  await emulator.advanceTime(60_000)
  return spare
}

const row = (page: Page, address: string) => page.getByRole('row').filter({ has: page.getByText(address, { exact: true }) })

async function act(page: Page, address: string, label: string) {
  await row(page, address).getByRole('button', { name: `Actions for ${address}` }).click()
  await page.getByRole('list', { name: `Actions for ${address}` }).getByRole('button', { name: label }).click()
}

const writes = async (emulator: EmulatorClient, method: string) => (await emulator.requests()).filter((r) => r.method === method && r.path.includes('/ips'))

test.describe('flexible IPs', () => {
  test('reserve → listed', async ({ page, emulator, signIn }) => {
    await page.goto('/ips?zone=fr-par-2')
    await signIn(ADMIN_KEY)
    await emulator.clearRequests()
    await page.getByRole('button', { name: 'Reserve a flexible IP' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Reserve a flexible IP' })
    await dialog.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'staging' })
    await dialog.getByRole('textbox', { name: 'Tags' }).fill('e2e')
    await dialog.getByRole('button', { name: 'Reserve' }).click()
    const done = page.getByRole('status').filter({ hasText: /^Reserved / })
    await expect(done).toBeVisible()
    const address = /^Reserved (\S+) in fr-par-2/.exec((await done.textContent()) ?? '')?.[1] ?? ''
    await expect(row(page, address)).toContainText('detached')
    const created = (await ips(emulator, 'fr-par-2')).find((i) => i.address === address)
    expect(created?.tags).toEqual(['e2e'])
    expect((await writes(emulator, 'POST')).map((r) => r.status)).toEqual([201])
  })

  test('attach → the server shows the address and the IP shows the server; then detach from the server page', async ({ page, emulator, signIn }) => {
    const { ip, worker } = await spareIp(emulator)
    const address = ip.address!
    await page.goto('/ips?zone=fr-par-1')
    await signIn(ADMIN_KEY)
    await act(page, address, 'Attach')
    const dialog = page.getByRole('dialog', { name: `Attach ${address}` })
    await dialog.getByRole('searchbox', { name: 'Search servers by name' }).fill('worker-1')
    await dialog.getByRole('radio', { name: /^worker-1/ }).check()
    await dialog.getByRole('button', { name: 'Attach' }).click()
    await expect(dialog).toBeHidden()
    await expect(row(page, address).getByRole('link', { name: 'worker-1' })).toBeVisible()
    await expect(row(page, address)).toContainText('attached', { timeout: 10_000 })
    expect((await server(emulator, 'fr-par-1', 'worker-1')).public_ips.map((p) => p.address)).toContain(address)

    await row(page, address).getByRole('link', { name: 'worker-1' }).click()
    const section = page.getByRole('region', { name: 'Flexible IPs' })
    await expect(section.getByText(address)).toBeVisible()
    await section.getByRole('button', { name: `Detach ${address}` }).click()
    await page.getByRole('dialog', { name: `Detach ${address}?` }).getByRole('button', { name: 'Detach' }).click()
    await expect(section.getByText('No flexible IP attached.')).toBeVisible()
    expect((await server(emulator, 'fr-par-1', worker.name)).public_ips.map((p) => p.address)).not.toContain(address)
  })

  test('move between two servers in one request', async ({ page, emulator, signIn }) => {
    const { ip } = await attachedSpareIp(emulator)
    const address = ip.address!
    await page.goto('/ips?zone=fr-par-1')
    await signIn(ADMIN_KEY)
    await emulator.clearRequests()
    await act(page, address, 'Move')
    const dialog = page.getByRole('dialog', { name: `Move ${address}` })
    await dialog.getByRole('searchbox', { name: 'Search servers by name' }).fill('bastion')
    await dialog.getByRole('radio', { name: /^bastion/ }).check()
    await dialog.getByRole('button', { name: 'Move' }).click()
    await expect(row(page, address).getByRole('link', { name: 'bastion' })).toBeVisible()
    const patches = await writes(emulator, 'PATCH')
    expect(patches.map((r) => r.status)).toEqual([200])
    expect((await server(emulator, 'fr-par-1', 'bastion')).public_ips.map((p) => p.address)).toContain(address)
    expect((await server(emulator, 'fr-par-1', 'worker-1')).public_ips.map((p) => p.address)).not.toContain(address)
  })

  test('reverse DNS: refused with the API’s message on the field, then accepted', async ({ page, emulator, signIn }) => {
    const { ip } = await spareIp(emulator)
    const address = ip.address!
    const refused = await emulator.api<{ details: { help_message: string }[] }>(`/instance/v1/zones/fr-par-1/ips/${ip.id}`, ADMIN_KEY, {
      method: 'PATCH',
      body: JSON.stringify({ reverse: 'web.example.com' }),
    })
    expect(refused.status).toBe(400)
    await page.goto('/ips?zone=fr-par-1')
    await signIn(ADMIN_KEY)
    await act(page, address, 'Edit reverse DNS')
    const dialog = page.getByRole('dialog', { name: `Reverse DNS of ${address}` })
    const field = dialog.getByRole('textbox', { name: 'Reverse DNS' })
    await field.fill('web.example.com')
    await dialog.getByRole('button', { name: 'Save reverse DNS' }).click()
    await expect(dialog.getByRole('alert')).toHaveText(refused.body.details[0]!.help_message)
    await expect(field).toHaveValue('web.example.com')

    const good = `${address.replaceAll('.', '-')}.example.com`
    await field.fill(good)
    await dialog.getByRole('button', { name: 'Save reverse DNS' }).click()
    await expect(dialog).toBeHidden()
    await expect(row(page, address)).toContainText(good)
    expect((await ips(emulator, 'fr-par-1')).find((i) => i.id === ip.id)?.reverse).toBe(good)
  })

  test('release with confirmation, one DELETE', async ({ page, emulator, signIn }) => {
    const { ip } = await spareIp(emulator)
    const address = ip.address!
    await page.goto('/ips?zone=fr-par-1')
    await signIn(ADMIN_KEY)
    await emulator.clearRequests()
    await act(page, address, 'Release')
    const dialog = page.getByRole('dialog', { name: `Release ${address}?` })
    await dialog.getByRole('button', { name: 'Release' }).dblclick()
    await expect(row(page, address)).toHaveCount(0)
    expect((await writes(emulator, 'DELETE')).map((r) => r.status)).toEqual([204])
    expect((await ips(emulator, 'fr-par-1')).some((i) => i.id === ip.id)).toBe(false)
  })

  test('attached=false on zone=all lists exactly the detached IPs of every zone', async ({ page, emulator, signIn }) => {
    const truth: string[] = []
    for (const zone of ZONES) for (const ip of await ips(emulator, zone)) if (!ip.server) truth.push(ip.address ?? ip.prefix ?? '')
    expect(truth.length).toBeGreaterThan(1)
    await page.goto('/ips?zone=all&attached=false')
    await signIn(ADMIN_KEY)
    await expect(page.getByRole('region', { name: 'Zones' }).getByText('All 10 zones answered.')).toBeVisible()
    const table = page.getByRole('table', { name: 'Flexible IPs in all zones' })
    const shown = await table.locator('tbody tr td:first-child').allTextContents()
    expect(shown.sort()).toEqual(truth.sort())
    await expect(page.getByText(`${truth.length} detached IPs are billed while unused`)).toBeVisible()
  })

  test('the read-only key is denied with the permission message', async ({ page, emulator, signIn }) => {
    await page.goto('/ips?zone=fr-par-1')
    await signIn(READONLY_KEY)
    await expect(page.getByRole('table', { name: 'Flexible IPs in fr-par-1' })).toBeVisible()
    await page.getByRole('button', { name: 'Reserve a flexible IP' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Reserve a flexible IP' })
    await dialog.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'default' })
    await dialog.getByRole('button', { name: 'Reserve' }).click()
    await expect(dialog.getByRole('alert')).toContainText('insufficient permissions')
    expect((await writes(emulator, 'POST')).map((r) => r.status)).toEqual([403])
  })
})

test.describe('flexible IPs from the server page, and refusals', () => {
  test('the server page attaches a flexible IP and shows it', async ({ page, emulator, signIn }) => {
    const { ip, worker } = await spareIp(emulator)
    const address = ip.address!
    await page.goto(`/instances/fr-par-1/${worker.id}`)
    await signIn(ADMIN_KEY)
    const section = page.getByRole('region', { name: 'Flexible IPs' })
    await expect(section.getByText('No flexible IP attached.')).toBeVisible()
    await emulator.clearRequests()
    await section.getByRole('button', { name: 'Attach a flexible IP' }).click()
    const dialog = page.getByRole('dialog', { name: `Attach a flexible IP to ${worker.name}` })
    await dialog.getByRole('radio', { name: address }).check()
    await dialog.getByRole('button', { name: 'Attach' }).click()
    await expect(section.getByText(address)).toBeVisible()
    await expect(section.getByText('attaching…')).toBeHidden({ timeout: 10_000 })
    expect((await writes(emulator, 'PATCH')).map((r) => r.status)).toEqual([200])
    expect((await server(emulator, 'fr-par-1', worker.name)).public_ips.map((p) => p.address)).toContain(address)
    // The server's own Network section follows once the attach has settled.
    await expect(page.getByRole('region', { name: 'Network' }).getByText(address)).toBeVisible({ timeout: 10_000 })
  })

  test('Detach from the list', async ({ page, emulator, signIn }) => {
    const { ip } = await attachedSpareIp(emulator)
    const address = ip.address!
    await page.goto('/ips?zone=fr-par-1')
    await signIn(ADMIN_KEY)
    await act(page, address, 'Detach')
    await page.getByRole('dialog', { name: `Detach ${address}?` }).getByRole('button', { name: 'Detach' }).click()
    await expect(row(page, address)).toContainText('detached')
    expect((await ips(emulator, 'fr-par-1')).find((i) => i.id === ip.id)?.server).toBeNull()
  })

  test('an IP released meanwhile: Scaleway’s 404 in the dialog, the rest of the list stays', async ({ page, emulator, signIn }) => {
    const { ip } = await spareIp(emulator)
    const address = ip.address!
    await page.goto('/ips?zone=fr-par-1')
    await signIn(ADMIN_KEY)
    await expect(row(page, address)).toBeVisible()
    const rowsBefore = await page.getByRole('table').getByRole('row').count()
    await emulator.api(`/instance/v1/zones/fr-par-1/ips/${ip.id}`, ADMIN_KEY, { method: 'DELETE' })
    await act(page, address, 'Edit reverse DNS')
    const dialog = page.getByRole('dialog', { name: `Reverse DNS of ${address}` })
    await dialog.getByRole('textbox', { name: 'Reverse DNS' }).fill(`${address.replaceAll('.', '-')}.example.com`)
    await dialog.getByRole('button', { name: 'Save reverse DNS' }).click()
    await expect(dialog.getByRole('alert')).toContainText('resource is not found')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    // The list was read again: the released IP is gone, every other row is still there.
    await expect(row(page, address)).toHaveCount(0)
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(rowsBefore - 1)
  })
})
