import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ADMIN_CREDENTIALS, stubFetch } from '@/test/fetch-stub'
import { jsonResponse, renderRoutes } from '@/test/render'
import { ApiKeyPage } from './api-key-page'

const fetchMock = stubFetch({ signedIn: true })
const { accessKey: ACCESS, secretKey: SECRET } = ADMIN_CREDENTIALS
const USER = 'd70697ac-785c-41ac-b690-10f395972c8c'
const ORG = '105bdce1-64c0-48ab-899d-868455867ecf'
const PROJECT = '81a6b209-2433-4b6c-8d4d-d31a028ac22f'
const POLICY = 'aa686c31-13f9-4b02-acc1-d0d2e3d436f5'
const DENIED = { details: [{ action: 'read', resource: 'api_key' }], message: 'insufficient permissions', type: 'permissions_denied' }

/** Shapes from ../shared/scaleway-recordings (iam_get_api_key, iam_get_user, iam_get_policy, iam_list_rules, account). */
function api({ keyDenied = false, expiresInMs = 3 * 86_400_000 } = {}) {
  fetchMock.mockImplementation(async (request) => {
    const url = new URL(request.url)
    const path = url.pathname.replace(/^\/api/, '')
    if (path === `/iam/v1alpha1/api-keys/${ACCESS}`) {
      if (keyDenied) return jsonResponse(403, DENIED)
      return jsonResponse(200, {
        access_key: ACCESS, secret_key: null, description: 'laptop', created_at: '2026-01-05T09:00:00Z', updated_at: '2026-01-05T09:00:00Z',
        expires_at: new Date(Date.now() + expiresInMs).toISOString(), default_project_id: PROJECT, editable: true, deletable: true,
        managed: false, creation_ip: '51.159.46.153', user_id: USER,
      })
    }
    if (path === `/iam/v1alpha1/users/${USER}`) {
      return jsonResponse(200, { id: USER, email: 'ada@example.com', username: 'ada', first_name: '', last_name: '', phone_number: '', locale: 'en_US', organization_id: ORG, deletable: true, last_login_at: null, type: 'owner', two_factor_enabled: false, status: 'activated', mfa: false, account_root_user_id: '', tags: [], locked: false })
    }
    if (path === '/iam/v1alpha1/groups') return jsonResponse(200, { groups: [], total_count: 0 })
    if (path === '/iam/v1alpha1/policies') {
      return jsonResponse(200, { policies: [{ id: POLICY, name: 'Operators', description: 'Runs production', organization_id: ORG, editable: true, deletable: true, managed: false, nb_rules: 1, nb_scopes: 1, nb_permission_sets: 1, tags: ['ops'], user_id: USER }], total_count: 1 })
    }
    if (path === '/iam/v1alpha1/rules') {
      return jsonResponse(200, { rules: [{ id: 'f1bba337-bfb4-4c59-8621-d6825629ab76', permission_set_names: ['InstancesReadOnly'], permission_sets_scope_type: 'projects', condition: '', project_ids: [PROJECT] }], total_count: 1 })
    }
    if (path === '/iam/v1alpha1/permission-sets') {
      return jsonResponse(200, { permission_sets: [{ id: 'x', name: 'InstancesReadOnly', scope_type: 'projects', description: 'Read and list Instances', categories: ['Compute'] }], total_count: 1 })
    }
    if (path === '/account/v3/projects') {
      return jsonResponse(200, { projects: [{ id: PROJECT, name: 'production', organization_id: ORG, description: '', created_at: '2026-01-05T09:00:00Z', updated_at: '2026-01-05T09:00:00Z' }], total_count: 1 })
    }
    const zone = /\/zones\/([^/]+)\/(servers|ips)$/.exec(path)
    if (zone?.[1] === 'fr-par-2' && zone[2] === 'servers') {
      return jsonResponse(403, { details: [{ action: 'read', resource: 'instance_server' }], message: 'insufficient permissions', type: 'permissions_denied' })
    }
    if (zone) return jsonResponse(200, { [zone[2]!]: [] }, { 'X-Total-Count': zone[2] === 'servers' ? '1' : '3' })
    return jsonResponse(404, { message: 'resource is not found', resource: 'unknown', resource_id: '', type: 'not_found' })
  })
}

const paths = () => fetchMock.mock.calls.map(([request]) => new URL(request.url))
const renderPage = () => renderRoutes([{ path: '/api-key', element: <ApiKeyPage /> }], '/api-key')

// 30-odd requests and a full page per test: room for a slow shared machine.
describe('API key page', { timeout: 20_000 }, () => {
  it('shows the key, its bearer, default project, a countdown to expiry, and what it can do', async () => {
    api()
    renderPage()
    expect(await screen.findByText('ada@example.com')).toBeInTheDocument()
    expect(screen.getByText('owner')).toBeInTheDocument()
    expect(await screen.findByText('production', { selector: 'strong' })).toBeInTheDocument()
    expect(screen.getByText('Expires soon')).toBeInTheDocument()
    expect(screen.getByText(/^2 d 23 h 59 min|^3 d 00 h 00 min/)).toBeInTheDocument()

    const policy = await screen.findByRole('article', { name: 'Operators' })
    expect(await within(policy).findByText('InstancesReadOnly')).toBeInTheDocument()
    expect(await within(policy).findByText('Read and list Instances')).toBeInTheDocument()
    expect(within(policy).getByText(/Project/)).toHaveTextContent('Project production')

    expect(await screen.findByText('21 of 22 calls allowed, 1 denied, 0 failed. Each asks for one item only.')).toBeInTheDocument()
    const zones = screen.getByRole('table', { name: 'Instance calls in each zone' })
    const frPar2 = within(zones).getByRole('rowheader', { name: 'fr-par-2' }).closest('tr')!
    expect(frPar2).toHaveTextContent('Denied')
    expect(frPar2).toHaveTextContent('insufficient permissions (read on instance_server)')
    expect(within(zones).getByRole('rowheader', { name: 'fr-par-1' }).closest('tr')).toHaveTextContent('Allowed1 server')

    // Cheap: one item per call.
    for (const url of paths().filter((u) => /\/zones\/[^/]+\/(servers|ips)$/.test(u.pathname))) expect(url.searchParams.get('per_page')).toBe('1')
    expect(paths().find((u) => u.pathname === '/api/account/v3/projects' && u.searchParams.get('page_size') === '1')).toBeDefined()
    expect(paths().find((u) => u.pathname === '/api/iam/v1alpha1/policies')?.searchParams.get('user_ids')).toBe(USER)
    expect(paths().find((u) => u.pathname === '/api/iam/v1alpha1/permission-sets')?.searchParams.get('organization_id')).toBe(ORG)
  })

  it('keeps the secret out of the DOM until revealed, and out of every URL', async () => {
    api()
    renderPage()
    expect(await screen.findByText('11111111-xxxx-xxxx-xxxx-xxxxxxxxxxxx')).toBeInTheDocument()
    await screen.findByText('21 of 22 calls allowed, 1 denied, 0 failed. Each asks for one item only.')
    expect(document.body.innerHTML).not.toContain(SECRET)
    expect(paths().some((u) => decodeURIComponent(u.href).includes(SECRET))).toBe(false)
    await userEvent.click(screen.getByRole('button', { name: 'Reveal secret key' }))
    expect(screen.getByText(SECRET)).toBeInTheDocument()
  })

  it('IAM denied: says what could not be read, asks IAM nothing more, still runs the live check', async () => {
    api({ keyDenied: true })
    renderPage()
    const notice = await screen.findByRole('status')
    expect(notice).toHaveTextContent('This key works, but may not read its own IAM record')
    expect(notice).toHaveTextContent('insufficient permissions (read on api_key)')
    expect(screen.getByText(/The policies could not be read/)).toBeInTheDocument()
    expect(await screen.findByText('20 of 22 calls allowed, 2 denied, 0 failed. Each asks for one item only.')).toBeInTheDocument()
    await waitFor(() => expect(paths().filter((u) => u.pathname.includes('/policies') || u.pathname.includes('/users/'))).toEqual([]))
  })
})
