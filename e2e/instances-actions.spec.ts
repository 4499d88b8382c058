import type { Page } from '@playwright/test'
import { ADMIN_KEY, READONLY_KEY, expect, nameColumn, test, type EmulatorClient } from './fixtures.ts'

interface Server {
  id: string
  name: string
  state: string
  protected: boolean
  volumes: Record<string, { id: string; volume_type: string }>
  security_group: { id: string; name: string }
}

async function serverNamed(emulator: EmulatorClient, zone: string, name: string, state?: string): Promise<Server> {
  const query = new URLSearchParams({ name, ...(state ? { state } : {}) })
  const { body } = await emulator.api<{ servers: Server[] }>(`/instance/v1/zones/${zone}/servers?${query}`)
  const server = body.servers.find((s) => s.name === name)
  if (!server) throw new Error(`no server named ${name} in ${zone}`)
  return server
}

async function openDetail(page: Page, zone: string, server: Server) {
  await page.goto(`/instances/${zone}/${server.id}`)
  await expect(page.getByRole('heading', { level: 1, name: server.name })).toBeVisible()
}

const actionsOf = async (emulator: EmulatorClient, method: string, path: string) =>
  (await emulator.requests()).filter((r) => r.method === method && r.path === path)

test.describe('instance detail and lifecycle', () => {
  test('detail shows volumes (from Block Storage) and the security group', async ({ page, emulator, signIn }) => {
    const server = await serverNamed(emulator, 'fr-par-1', 'bastion')
    const root = Object.values(server.volumes)[0]!
    const volume = await emulator.api<{ name: string; size: number }>(`/block/v1/zones/fr-par-1/volumes/${root.id}`)
    expect(volume.status).toBe(200)
    const group = await emulator.api<{ security_group: { name: string } }>(`/instance/v1/zones/fr-par-1/security_groups/${server.security_group.id}`)
    expect(group.status).toBe(200)

    await page.goto('/sign-in')
    await signIn(ADMIN_KEY)
    await openDetail(page, 'fr-par-1', server)
    const volumes = page.getByRole('table', { name: 'Volumes' })
    await expect(volumes.getByRole('cell', { name: volume.body.name })).toBeVisible()
    await expect(volumes.getByRole('cell', { name: `${volume.body.size / 1e9} GB` })).toBeVisible()
    await expect(page.getByText(group.body.security_group.name, { exact: true })).toBeVisible()
  })

  test('Power off reaches stopped, Power on reaches running, one request each', async ({ page, emulator, signIn }) => {
    const server = await serverNamed(emulator, 'fr-par-1', 'bastion', 'running')
    await page.goto('/sign-in')
    await signIn(ADMIN_KEY)
    await openDetail(page, 'fr-par-1', server)
    const state = page.getByRole('status', { name: 'Server state' })
    await emulator.clearRequests()

    await page.getByRole('group', { name: 'Lifecycle actions' }).getByRole('button', { name: 'Power off' }).click()
    const dialog = page.getByRole('dialog', { name: `Power off ${server.name}?` })
    await dialog.getByRole('button', { name: 'Power off' }).click()
    await expect(dialog).toBeHidden()
    await expect(state).toContainText('stopped', { timeout: 10_000 })
    await expect(page.getByRole('group', { name: 'Lifecycle actions' }).getByRole('button', { name: 'Power on' })).not.toHaveAttribute('aria-disabled')

    await page.getByRole('group', { name: 'Lifecycle actions' }).getByRole('button', { name: 'Power on' }).click()
    await page.getByRole('dialog', { name: `Power on ${server.name}?` }).getByRole('button', { name: 'Power on' }).click()
    await expect(state).toContainText('running', { timeout: 10_000 })

    const posts = await actionsOf(emulator, 'POST', `/instance/v1/zones/fr-par-1/servers/${server.id}/action`)
    expect(posts.map((r) => r.status)).toEqual([202, 202])
    expect((await emulator.api<{ server: Server }>(`/instance/v1/zones/fr-par-1/servers/${server.id}`)).body.server.state).toBe('running')
  })

  test('a refused action shows Scaleway’s own message and the page catches up', async ({ page, emulator, signIn }) => {
    const server = await serverNamed(emulator, 'fr-par-1', 'bastion', 'running')
    await page.goto('/sign-in')
    await signIn(ADMIN_KEY)
    await openDetail(page, 'fr-par-1', server)
    // Someone else powers it off behind this page's back.
    await emulator.api(`/instance/v1/zones/fr-par-1/servers/${server.id}/action`, ADMIN_KEY, { method: 'POST', body: JSON.stringify({ action: 'poweroff' }) })
    await emulator.advanceTime(60_000)
    const refusal = await emulator.api<{ message: string }>(`/instance/v1/zones/fr-par-1/servers/${server.id}/action`, ADMIN_KEY, {
      method: 'POST',
      body: JSON.stringify({ action: 'poweroff' }),
    })
    expect(refusal.status).toBe(400)

    await page.getByRole('group', { name: 'Lifecycle actions' }).getByRole('button', { name: 'Power off' }).click()
    const dialog = page.getByRole('dialog', { name: `Power off ${server.name}?` })
    await dialog.getByRole('button', { name: 'Power off' }).click()
    await expect(dialog.getByRole('alert')).toContainText(refusal.body.message)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('status', { name: 'Server state' })).toContainText('stopped')
  })

  test('rename with an injected 500 rolls back and keeps what was typed', async ({ page, emulator, signIn }) => {
    const server = await serverNamed(emulator, 'fr-par-1', 'bastion')
    await page.goto('/sign-in')
    await signIn(ADMIN_KEY)
    await openDetail(page, 'fr-par-1', server)
    await emulator.faults([{ path: `/instance/v1/zones/fr-par-1/servers/${server.id}`, method: 'PATCH', status: 500, times: 1 }])

    const name = page.getByRole('textbox', { name: 'Name', exact: true })
    await name.fill('bastion-renamed')
    await page.getByRole('button', { name: 'Rename' }).click()
    await expect(page.getByRole('alert')).toContainText('500')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(server.name)
    await expect(name).toHaveValue('bastion-renamed')
    expect((await emulator.api<{ server: Server }>(`/instance/v1/zones/fr-par-1/servers/${server.id}`)).body.server.name).toBe(server.name)
    const patches = await actionsOf(emulator, 'PATCH', `/instance/v1/zones/fr-par-1/servers/${server.id}`)
    expect(patches.map((r) => r.status)).toEqual([500])

    // Without the fault, the same click renames it.
    await page.getByRole('button', { name: 'Rename' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('bastion-renamed')
    expect((await emulator.api<{ server: Server }>(`/instance/v1/zones/fr-par-1/servers/${server.id}`)).body.server.name).toBe('bastion-renamed')
  })

  test('a double-clicked Delete sends exactly one DELETE and says what stays', async ({ page, emulator, signIn }) => {
    const server = await serverNamed(emulator, 'fr-par-1', 'ci-runner', 'stopped')
    await page.goto('/sign-in')
    await signIn(ADMIN_KEY)
    await openDetail(page, 'fr-par-1', server)
    await emulator.clearRequests()

    await page.getByRole('group', { name: 'Lifecycle actions' }).getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: `Delete ${server.name}` })
    await expect(dialog).toContainText('What stays')
    await expect(dialog).toContainText('Block volume')
    await dialog.getByRole('textbox', { name: `Type “${server.name}” to confirm` }).fill(server.name)
    await dialog.getByRole('button', { name: 'Delete' }).dblclick()
    await expect(page).toHaveURL(/\/instances\?zone=fr-par-1$/)
    await expect(page.getByRole('table', { name: 'Instances in fr-par-1' })).toBeVisible()
    expect(await nameColumn(page)).not.toContain(server.name)

    const deletes = await actionsOf(emulator, 'DELETE', `/instance/v1/zones/fr-par-1/servers/${server.id}`)
    expect(deletes.map((r) => r.status)).toEqual([204])
    // Its block volume stayed, detached.
    const root = Object.values(server.volumes)[0]!
    expect((await emulator.api(`/block/v1/zones/fr-par-1/volumes/${root.id}`)).status).toBe(200)
  })

  test('the read-only key sees the permission message and an unchanged list', async ({ page, emulator, signIn }) => {
    const server = await serverNamed(emulator, 'fr-par-1', 'bastion', 'running')
    const before = (await emulator.servers('fr-par-1')).map((s) => `${s.name}:${s.state}`)
    await page.goto('/instances?zone=fr-par-1')
    await signIn(READONLY_KEY)
    const table = page.getByRole('table', { name: 'Instances in fr-par-1' })
    await expect(table).toBeVisible()
    const namesBefore = await nameColumn(page)
    await emulator.clearRequests()

    await table.getByRole('button', { name: `Actions for ${server.name}` }).click()
    await page.getByRole('list', { name: `Actions for ${server.name}` }).getByRole('button', { name: 'Power off' }).click()
    const dialog = page.getByRole('dialog', { name: `Power off ${server.name}?` })
    await dialog.getByRole('button', { name: 'Power off' }).click()
    await expect(dialog.getByRole('alert')).toContainText('insufficient permissions')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()

    expect(await nameColumn(page)).toEqual(namesBefore)
    expect((await emulator.servers('fr-par-1')).map((s) => `${s.name}:${s.state}`)).toEqual(before)
    const posts = await actionsOf(emulator, 'POST', `/instance/v1/zones/fr-par-1/servers/${server.id}/action`)
    expect(posts.map((r) => r.status)).toEqual([403])
  })
})

test('create an instance: it is listed and can be powered on from the list', async ({ page, emulator, signIn }) => {
  const zone = 'fr-par-2'
  await page.goto(`/instances/new?zone=${zone}`)
  await signIn(ADMIN_KEY)
  await expect(page.getByRole('heading', { name: 'Create instance' })).toBeVisible()
  await emulator.clearRequests()

  await page.getByRole('textbox', { name: 'Name' }).fill('e2e-created')
  const type = page.getByRole('combobox', { name: 'Commercial type' })
  await expect(type.locator('option', { hasText: /^DEV1-S / })).toHaveCount(1)
  await type.selectOption({ label: (await type.locator('option', { hasText: /^DEV1-S / }).textContent())!.trim() })
  const image = page.getByRole('combobox', { name: 'Image' })
  await image.selectOption({ label: 'Ubuntu 24.04 Noble Numbat (x86_64)' })
  await page.getByRole('textbox', { name: 'Tags' }).fill('e2e, created')
  await expect(page.getByRole('checkbox', { name: /Attach a new flexible IP/ })).toBeChecked()
  await page.getByRole('button', { name: 'Create instance' }).click()

  await expect(page).toHaveURL(new RegExp(`/instances\\?zone=${zone}$`))
  await expect(page.getByRole('status').filter({ hasText: 'Created e2e-created' })).toBeVisible()
  const table = page.getByRole('table', { name: `Instances in ${zone}` })
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'e2e-created', exact: true }) })
  await expect(row).toBeVisible()
  await expect(row).toContainText('stopped')

  const writes = (await emulator.requests()).filter((r) => r.method === 'POST').map((r) => `${r.path} ${r.status}`)
  expect(writes).toEqual([`/instance/v1/zones/${zone}/ips 201`, `/instance/v1/zones/${zone}/servers 201`])
  const created = await serverNamed(emulator, zone, 'e2e-created')
  expect(created.state).toBe('stopped')

  await row.getByRole('button', { name: 'Actions for e2e-created' }).click()
  await page.getByRole('list', { name: 'Actions for e2e-created' }).getByRole('button', { name: 'Power on' }).click()
  await page.getByRole('dialog', { name: 'Power on e2e-created?' }).getByRole('button', { name: 'Power on' }).click()
  await expect(row).toContainText('running', { timeout: 10_000 })
})

test('create refuses bad input before any request and keeps what was typed', async ({ page, emulator, signIn }) => {
  await page.goto('/instances/new?zone=fr-par-1')
  await signIn(ADMIN_KEY)
  await page.getByRole('textbox', { name: 'Name' }).fill('')
  await page.getByRole('textbox', { name: 'Tags' }).fill('kept')
  await emulator.clearRequests()
  await page.getByRole('button', { name: 'Create instance' }).click()
  await expect(page.getByText('Enter a name.')).toBeVisible()
  await expect(page.getByText(/Choose a commercial type offered in fr-par-1/)).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Tags' })).toHaveValue('kept')
  expect((await emulator.requests()).filter((r) => r.method === 'POST')).toEqual([])
})
