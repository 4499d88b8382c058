import type { Page } from '@playwright/test'
import { ADMIN_KEY, APP_KEY, expect, READONLY_KEY, test, ZONES, type LoggedRequest } from './fixtures.ts'

const checks = (page: Page) => page.getByRole('table', { name: 'Instance calls in each zone' })
const zoneRow = (page: Page, zone: string) => checks(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: zone, exact: true }) })
const callsTable = (page: Page) => page.getByRole('table', { name: 'Account and IAM calls' })
const detail = (page: Page, label: string) => page.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd')

/** Every zone answered one cheap list of servers and one of flexible IPs, with this key. */
function expectCheapChecks(log: LoggedRequest[], accessKey: string) {
  for (const zone of ZONES) {
    for (const what of ['servers', 'ips']) {
      const calls = log.filter((r) => r.method === 'GET' && r.path === `/instance/v1/zones/${zone}/${what}` && r.accessKey === accessKey)
      expect(calls.length, `${what} in ${zone}`).toBeGreaterThanOrEqual(1)
      for (const call of calls) expect(new URLSearchParams(call.query).get('per_page'), `${what} in ${zone} asks for one item`).toBe('1')
    }
  }
}

// Each test loads the page and its 30-odd requests; a shared two-core machine needs the room.
test.slow()

test('admin key: the user bearer’s email, the default project’s name, its policies and every call allowed', async ({ page, emulator, signIn }) => {
  const key = await emulator.api<{ user_id: string; default_project_id: string }>(`/iam/v1alpha1/api-keys/${ADMIN_KEY.accessKey}`)
  const project = await emulator.api<{ name: string }>(`/account/v3/projects/${key.body.default_project_id}`)
  await emulator.clearRequests()
  await page.goto('/api-key')
  await signIn(ADMIN_KEY)

  await expect(page.getByRole('heading', { name: 'API key', level: 1 })).toBeVisible()
  await expect(detail(page, 'Bearer')).toContainText('User admin@demo.example')
  await expect(detail(page, 'Bearer')).toContainText('owner')
  await expect(detail(page, 'Default project')).toContainText(project.body.name)
  await expect(detail(page, 'Default project')).toContainText(key.body.default_project_id)
  await expect(detail(page, 'Expires')).toContainText('Never')

  await expect(page.getByRole('heading', { name: 'What can this key do' })).toBeVisible()
  const admins = page.getByRole('article', { name: 'Administrators' })
  await expect(admins.getByRole('cell').first()).toContainText('AllProductsFullAccess')
  await expect(admins).toContainText('The whole organization')
  const operators = page.getByRole('article', { name: 'Operators' })
  await expect(operators).toContainText('through group Operators')
  await expect(operators).toContainText('Project production')
  await expect(operators).toContainText('Project staging')

  await expect(page.getByText(`22 of 22 calls allowed, 0 denied, 0 failed.`)).toBeVisible()
  await expect(zoneRow(page, 'fr-par-1').getByText('Allowed')).toHaveCount(2)

  const log = await emulator.requests()
  const paths = log.map((r) => r.path)
  expect(paths).toContain(`/iam/v1alpha1/api-keys/${ADMIN_KEY.accessKey}`)
  expect(paths).toContain(`/iam/v1alpha1/users/${key.body.user_id}`)
  expect(log).toContainEqual(expect.objectContaining({ path: '/iam/v1alpha1/groups', query: expect.stringContaining(`user_ids=${key.body.user_id}`), status: 200 }))
  expect(log).toContainEqual(expect.objectContaining({ path: '/iam/v1alpha1/policies', query: expect.stringContaining(`user_ids=${key.body.user_id}`), status: 200 }))
  expect(log).toContainEqual(expect.objectContaining({ path: '/iam/v1alpha1/permission-sets', status: 200 }))
  expectCheapChecks(log, ADMIN_KEY.accessKey)
  expect(log.filter((r) => r.method !== 'GET'), 'the page only reads').toEqual([])
})

test('read-only key: its read-only permission set, and its list checks allowed', async ({ page, emulator, signIn }) => {
  await page.goto('/api-key')
  await signIn(READONLY_KEY)

  await expect(detail(page, 'Bearer')).toContainText('User readonly@demo.example')
  const policy = page.getByRole('article', { name: 'Read-only' })
  await expect(policy).toContainText('AllProductsReadOnly')
  await expect(policy).toContainText('Read and list the resources of every product')
  await expect(page.getByText('Member of Auditors')).toBeVisible()
  await expect(detail(page, 'Expires')).toContainText('2031')

  await expect(page.getByText('22 of 22 calls allowed, 0 denied, 0 failed.')).toBeVisible()
  for (const zone of ZONES) await expect(zoneRow(page, zone).getByText('Allowed')).toHaveCount(2)
  expectCheapChecks(await emulator.requests(), READONLY_KEY.accessKey)
})

test('application key without IAM read: says what could not be read, still checks what it may do', async ({ page, emulator, signIn }) => {
  await page.goto('/api-key')
  await signIn(APP_KEY)

  const notice = page.getByRole('status').filter({ hasText: 'may not read its own IAM record' })
  await expect(notice).toContainText('insufficient permissions (read on api_key)')
  await expect(notice).toContainText('Could not be read')
  await expect(detail(page, 'Access key')).toContainText(APP_KEY.accessKey)
  await expect(detail(page, 'Everything else')).toContainText('Not readable')
  await expect(page.getByText('The policies could not be read')).toBeVisible()

  // The rest still shows: the live check, denied where IAM and Account say so, allowed for Instances.
  await expect(callsTable(page).getByRole('row', { name: /Read this key/ })).toContainText('Denied')
  await expect(callsTable(page).getByRole('row', { name: /Read this key/ })).toContainText('insufficient permissions (read on api_key)')
  await expect(callsTable(page).getByRole('row', { name: /List projects/ })).toContainText('Denied')
  await expect(page.getByText('20 of 22 calls allowed, 2 denied, 0 failed.')).toBeVisible()
  const log = await emulator.requests()
  expect(log).toContainEqual(expect.objectContaining({ path: '/account/v3/projects', status: 403, accessKey: APP_KEY.accessKey }))
  expectCheapChecks(log, APP_KEY.accessKey)
})

test('application key, once granted IAM read: the application’s name and its project-scoped policy', async ({ page, emulator, signIn }) => {
  const key = await emulator.api<{ application_id: string }>(`/iam/v1alpha1/api-keys/${APP_KEY.accessKey}`)
  const org = (await emulator.api<{ organization_id: string }>(`/iam/v1alpha1/users/${(await emulator.api<{ user_id: string }>(`/iam/v1alpha1/api-keys/${ADMIN_KEY.accessKey}`)).body.user_id}`)).body.organization_id
  const granted = await emulator.api('/iam/v1alpha1/policies', ADMIN_KEY, {
    method: 'POST',
    body: JSON.stringify({ name: 'CI reads IAM', application_id: key.body.application_id, rules: [{ permission_set_names: ['IAMReadOnly'], organization_id: org }] }),
  })
  expect(granted.status).toBe(200)

  await page.goto('/api-key')
  await signIn(APP_KEY)
  await expect(detail(page, 'Bearer')).toContainText('IAM application instances-automation')
  const policy = page.getByRole('article', { name: 'Instances automation' })
  await expect(policy).toContainText('InstancesFullAccess')
  await expect(page.getByRole('article', { name: 'CI reads IAM' })).toContainText('IAMReadOnly')
  await expect(page.getByRole('article', { name: 'CI reads IAM' })).toContainText('The whole organization')
  // Projects are still out of reach (no Account access): the scope and the default project show by id, and say why.
  await expect(policy).toContainText('Project name not readable')
  await expect(detail(page, 'Default project')).toContainText('Name not readable (Account API): insufficient permissions (read on project)')
})

test('IAM denied (fault injection): the parts IAM refused say so, the rest still shows', async ({ page, emulator, signIn }) => {
  await emulator.faults([
    { path: '/iam/v1alpha1/policies', method: 'GET', status: 403 },
    { path: '/iam/v1alpha1/groups', method: 'GET', status: 403 },
  ])
  await page.goto('/api-key')
  await signIn(ADMIN_KEY)

  await expect(detail(page, 'Bearer')).toContainText('User admin@demo.example')
  await expect(detail(page, 'Default project')).toContainText('default')
  const refused = page.getByRole('alert').filter({ hasText: 'Permission denied' })
  await expect(refused).toContainText('insufficient permissions')
  await expect(refused.getByRole('link', { name: 'What HTTP 403 means' })).toHaveAttribute('href', '/get-started#status-403')
  await expect(page.getByText(/The groups could not be read/)).toBeVisible()
  await expect(page.getByText('22 of 22 calls allowed, 0 denied, 0 failed.')).toBeVisible()
  const log = await emulator.requests()
  expect(log).toContainEqual(expect.objectContaining({ path: '/iam/v1alpha1/policies', status: 403 }))
})

test('a failed zone check says failed with a Retry; "Run the checks again" asks every API again', async ({ page, emulator, signIn }) => {
  await emulator.faults([{ path: '/instance/v1/zones/fr-par-2/servers', method: 'GET', status: 500 }])
  await page.goto('/api-key')
  await signIn(ADMIN_KEY)
  const row = zoneRow(page, 'fr-par-2')
  await expect(row.getByText('Failed')).toBeVisible()
  await expect(row).toContainText('The Scaleway API answered 500')
  await expect(page.getByText('21 of 22 calls allowed, 0 denied, 1 failed.')).toBeVisible()
  // The page's own reads (each policy's rules) may still be arriving: wait until the API is quiet.
  await expect(page.getByRole('article', { name: 'Operators' })).toContainText('Project production')
  let seen = -1
  await expect
    .poll(async () => {
      const now = (await emulator.requests()).length
      const quiet = now === seen
      seen = now
      return quiet
    }, { intervals: [300] })
    .toBe(true)

  await emulator.clearFaults()
  await emulator.clearRequests()
  await row.getByRole('button', { name: 'Retry: list servers in fr-par-2' }).click()
  await expect(page.getByText('22 of 22 calls allowed, 0 denied, 0 failed.')).toBeVisible()
  expect((await emulator.requests()).map((r) => r.path)).toEqual(['/instance/v1/zones/fr-par-2/servers'])

  await emulator.clearRequests()
  await page.getByRole('button', { name: 'Run the checks again' }).click()
  await expect(page.getByText('22 of 22 calls allowed, 0 denied, 0 failed.')).toBeVisible()
  await expect.poll(async () => (await emulator.requests()).length).toBe(22)
})

test('the secret is never in the DOM, a URL or storage unless revealed', async ({ page, signIn, requestedUrls }) => {
  await page.goto('/api-key')
  await signIn(ADMIN_KEY)
  const secretRow = detail(page, 'Secret key')
  await expect(secretRow).toContainText(`${ADMIN_KEY.secretKey.slice(0, 8)}-xxxx-xxxx-xxxx-xxxxxxxxxxxx`)
  await expect(page.getByText('22 of 22 calls allowed')).toBeVisible()
  await page.getByText(/^Raw IAM JSON/).click()
  await expect(page.getByText(`GET /iam/v1alpha1/api-keys/${ADMIN_KEY.accessKey}`, { exact: true })).toBeVisible()
  expect(await page.content()).not.toContain(ADMIN_KEY.secretKey)
  expect(await page.evaluate(() => localStorage.length)).toBe(0)
  expect(requestedUrls.filter((url) => decodeURIComponent(url).includes(ADMIN_KEY.secretKey))).toEqual([])

  await secretRow.getByRole('button', { name: 'Reveal secret key' }).click()
  await expect(secretRow).toContainText(ADMIN_KEY.secretKey)
  await secretRow.getByRole('button', { name: 'Hide secret key' }).click()
  expect(await page.content()).not.toContain(ADMIN_KEY.secretKey)
})
