import AxeBuilder from '@axe-core/playwright'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { ADMIN_KEY, expect, test, ZONES, type LoggedRequest } from './fixtures.ts'

const artifact = (name: string) => fileURLToPath(new URL(`./.artifacts/${name}.png`, import.meta.url))

interface IpSummary {
  id: string
  server: { id: string } | null
  project: string
}

const totalsLink = (page: import('@playwright/test').Page, label: string) =>
  page.getByRole('region', { name: 'Totals' }).getByRole('link', { name: new RegExp(`^\\d+ ${label.toLowerCase()}$`) })

const listRequests = (log: LoggedRequest[], kind: 'servers' | 'ips') =>
  log.filter((r) => r.method === 'GET' && new RegExp(`^/instance/v1/zones/[^/]+/${kind}$`).test(r.path))

test.describe('inventory', () => {
  test('totals, zone counts and idle hints equal the seeded data; the CSV has a row for every server and IP', async ({ page, emulator, signIn }) => {
    let servers = 0
    let ips: IpSummary[] = []
    const byZone = new Map<string, number>()
    for (const zone of ZONES) {
      const zoneServers = await emulator.servers(zone)
      byZone.set(zone, zoneServers.length)
      servers += zoneServers.length
      const { body } = await emulator.api<{ ips: IpSummary[] }>(`/instance/v1/zones/${zone}/ips?per_page=100`)
      ips = ips.concat(body.ips)
    }
    const detached = ips.filter((ip) => ip.server === null).length
    expect(detached).toBeGreaterThan(0)
    await emulator.clearRequests()

    // Signing in lands on the inventory (a reload would empty the cache and count twice).
    await signIn(ADMIN_KEY)
    await expect(page.getByText(`All ${ZONES.length} zones answered.`, { exact: true }).first()).toBeVisible()
    await expect(totalsLink(page, 'Instances')).toHaveText(`${servers} instances`)
    await expect(totalsLink(page, 'Flexible IPs')).toHaveText(`${ips.length} flexible ips`)
    await expect(totalsLink(page, 'Detached IPs')).toHaveText(`${detached} detached ips`)
    for (const [zone, count] of byZone) {
      const name = count === 1 ? `1 instance in ${zone}` : `${count} instances in ${zone}`
      if (count > 0) await expect(page.getByRole('link', { name, exact: true })).toBeVisible()
    }
    const hints = page.getByRole('region', { name: 'Idle-cost hints' })
    await expect(hints.getByText(`${detached} flexible IPs attached to nothing`)).toBeVisible()
    await expect(hints.getByRole('link', { name: 'Show stopped servers' })).toBeVisible()

    // Every zone's two lists, once each (the demo seed fits a page per zone), and nothing else.
    const log = await emulator.requests()
    expect(listRequests(log, 'servers')).toHaveLength(ZONES.length)
    expect(listRequests(log, 'ips')).toHaveLength(ZONES.length)

    await expect(page.getByRole('region', { name: 'Charts' }).getByRole('img', { name: /Servers by state: running \d+/ })).toBeVisible()
    await page.screenshot({ path: artifact('inventory'), fullPage: true })

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const csv = await readFile(await (await download).path(), 'utf8')
    const lines = csv.trim().split('\r\n')
    expect(lines[0]).toBe('resource,zone,id,name,state,type,image,address,attached_to,project_id,project_name,tags,created')
    expect(lines.filter((l) => l.startsWith('server,'))).toHaveLength(servers)
    expect(lines.filter((l) => l.startsWith('flexible_ip,'))).toHaveLength(ips.length)
    for (const ip of ips) expect(csv).toContain(ip.id)

    const json = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export JSON' }).click()
    const exported = JSON.parse(await readFile(await (await json).path(), 'utf8')) as { servers: unknown[]; flexible_ips: unknown[]; unread_zones: string[] }
    expect(exported.servers).toHaveLength(servers)
    expect(exported.flexible_ips).toHaveLength(ips.length)
    expect(exported.unread_zones).toEqual([])
  })

  test('a zone with more than 100 servers is counted whole, one request per page', async ({ page, emulator, signIn }) => {
    test.slow()
    await emulator.reset({ seedServers: 1_000 })
    const counts = new Map<string, number>()
    for (const zone of ZONES) counts.set(zone, (await emulator.servers(zone)).length)
    const biggest = Math.max(...counts.values())
    expect(biggest).toBeGreaterThan(100)
    await emulator.clearRequests()

    await signIn(ADMIN_KEY)
    await expect(page.getByText(`All ${ZONES.length} zones answered.`, { exact: true }).first()).toBeVisible({ timeout: 20_000 })
    await expect(totalsLink(page, 'Instances')).toHaveText('1000 instances')
    for (const [zone, count] of counts) {
      if (count > 0) await expect(page.getByRole('link', { name: `${count} instances in ${zone}`, exact: true })).toBeVisible()
    }
    const pages = [...counts.values()].reduce((sum, n) => sum + Math.max(1, Math.ceil(n / 100)), 0)
    expect(listRequests(await emulator.requests(), 'servers')).toHaveLength(pages)
  })

  test('a failing zone and a forbidden one still show the rest; Retry reads the failed zone again', async ({ page, emulator, signIn }) => {
    await emulator.faults([
      { path: '/instance/v1/zones/fr-par-2/servers', method: 'GET', status: 500 },
      { path: '/instance/v1/zones/nl-ams-1/ips', method: 'GET', status: 403 },
    ])
    await signIn(ADMIN_KEY)
    await page.goto('/')
    await expect(page.getByText(`${ZONES.length - 2} of ${ZONES.length} zones read in full; fr-par-2: instances failed; nl-ams-1: flexible IPs forbidden.`).first()).toBeVisible({ timeout: 20_000 })
    const fr2 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^fr-par-2/ }) })
    await expect(fr2.getByText('failed', { exact: true })).toBeVisible()
    const ams1 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^nl-ams-1/ }) })
    await expect(ams1.getByText(/Flexible IPs: forbidden/)).toBeVisible()
    // The other zones' figures are all there.
    const fr1 = (await emulator.servers('fr-par-1')).length
    await expect(page.getByRole('link', { name: `${fr1} instances in fr-par-1`, exact: true })).toBeVisible()
    await page.screenshot({ path: artifact('inventory-failures'), fullPage: true })

    await emulator.clearFaults()
    await fr2.getByRole('button', { name: 'Retry instances in fr-par-2' }).click()
    await expect(page.getByRole('link', { name: new RegExp(`^\\d+ instances? in fr-par-2$`) })).toBeVisible()
  })

  test('a 429 with an empty body waits and recovers by itself', async ({ page, emulator, signIn }) => {
    await emulator.faults([{ path: '/instance/v1/zones/pl-waw-1/servers', method: 'GET', status: 429, times: 2 }])
    await signIn(ADMIN_KEY)
    await page.goto('/')
    await expect(page.getByText(`All ${ZONES.length} zones answered.`, { exact: true }).first()).toBeVisible({ timeout: 20_000 })
    const statuses = listRequests(await emulator.requests(), 'servers').filter((r) => r.path.includes('/pl-waw-1/')).map((r) => r.status)
    expect(statuses).toEqual([429, 429, 200])
    await emulator.clearFaults()
    const waw = (await emulator.servers('pl-waw-1')).length
    await expect(page.getByRole('link', { name: `${waw} instances in pl-waw-1`, exact: true })).toBeVisible()
  })

  test('counts link to the filtered lists; the project filter narrows every figure and link', async ({ page, emulator, signIn }) => {
    await signIn(ADMIN_KEY)
    await page.goto('/')
    await expect(page.getByText(`All ${ZONES.length} zones answered.`, { exact: true }).first()).toBeVisible()

    await totalsLink(page, 'Detached IPs').click()
    await expect(page).toHaveURL(/\/ips\?zone=all&attached=false$/)
    await expect(page.getByRole('heading', { name: 'Flexible IPs', level: 1 })).toBeVisible()

    await page.goBack()
    await page.getByRole('link', { name: /^\d+ running in fr-par-1$/ }).click()
    await expect(page).toHaveURL(/\/instances\?state=running$/)

    await page.goBack()
    await page.getByLabel('Project').selectOption({ label: 'production' })
    await expect(page).toHaveURL(/\?project=[0-9a-f-]{36}$/)
    const project = new URL(page.url()).searchParams.get('project') as string
    let production = 0
    for (const zone of ZONES) production += (await emulator.servers(zone)).filter((s) => (s as unknown as { project: string }).project === project).length
    await expect(totalsLink(page, 'Instances')).toHaveText(`${production} instances`)
    await totalsLink(page, 'Instances').click()
    await expect(page).toHaveURL(new RegExp(`/instances\\?zone=all&project=${project}$`))
  })

  test('coming back is instant from the cache; Refresh reads every zone again', async ({ page, emulator, signIn }) => {
    await signIn(ADMIN_KEY)
    await page.goto('/')
    await expect(page.getByText(`All ${ZONES.length} zones answered.`, { exact: true }).first()).toBeVisible()
    await page.getByRole('link', { name: 'Instances', exact: true }).click()
    await emulator.clearRequests()
    await page.getByRole('link', { name: 'Inventory', exact: true }).click()
    await expect(page.getByText(`All ${ZONES.length} zones answered.`, { exact: true }).first()).toBeVisible()
    await expect(page.getByText(/^Updated /)).toBeVisible()
    // Within the cache time nothing is asked again, not even in the background.
    await page.waitForTimeout(1_000)
    expect(listRequests(await emulator.requests(), 'ips')).toHaveLength(0)

    await page.getByRole('button', { name: 'Refresh' }).click()
    await expect.poll(async () => listRequests(await emulator.requests(), 'ips').length).toBe(ZONES.length)
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled()
  })

  test('has no serious accessibility violations, loaded or with a failed zone', async ({ page, emulator, signIn }) => {
    test.slow()
    await emulator.faults([{ path: '/instance/v1/zones/fr-par-2/servers', method: 'GET', status: 500 }])
    await signIn(ADMIN_KEY)
    await expect(page.getByText(/zones read in full; fr-par-2: instances failed/).first()).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('region', { name: 'Charts' }).getByRole('img').first()).toBeVisible()
    const { violations } = await new AxeBuilder({ page }).analyze()
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })
})
