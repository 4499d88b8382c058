/**
 * Instance API bodies in Scaleway's wire format (snake_case, as in
 * ../shared/scaleway-recordings/instance_get_server_*.json), for tests that stub fetch.
 */
let counter = 0

export const PROJECT_ID = '105bdce1-64c0-48ab-899d-868455867ecf'

export function serverJson(overrides: Record<string, unknown> = {}) {
  counter++
  const id = `${String(counter).padStart(8, '0')}-0000-4000-8000-000000000000`
  const state = (overrides.state as string | undefined) ?? 'running'
  return {
    id,
    name: `server-${counter}`,
    arch: 'x86_64',
    commercial_type: 'DEV1-S',
    boot_type: 'local',
    organization: PROJECT_ID,
    project: PROJECT_ID,
    hostname: `server-${counter}`,
    image: { id: '6d3c053e-c728-4294-b23a-560b62a4d592', name: 'Ubuntu 22.04 Jammy Jellyfish', arch: 'x86_64', public: true },
    volumes: { '0': { boot: false, volume_type: 'sbs_volume', id: `${String(counter).padStart(8, '0')}-1111-4000-8000-000000000000`, state: 'available', zone: 'fr-par-1' } },
    tags: ['web'],
    state,
    protected: false,
    state_detail: state === 'running' ? 'booting kernel' : '',
    public_ip: null,
    public_ips: [],
    mac_address: 'de:00:00:00:00:01',
    routed_ip_enabled: true,
    ipv6: null,
    extra_networks: [],
    dynamic_ip_required: false,
    enable_ipv6: false,
    private_ip: null,
    creation_date: '2026-01-05T09:00:00.000000+00:00',
    modification_date: '2026-01-05T09:00:00.000000+00:00',
    bootscript: null,
    security_group: { id: '5881315f-2400-43a0-ac75-08adf6cb8c12', name: 'Default security group' },
    location: null,
    maintenances: [],
    allowed_actions: state === 'running' ? ['poweroff', 'terminate', 'reboot', 'stop_in_place', 'backup'] : ['poweron', 'backup'],
    placement_group: null,
    private_nics: [],
    zone: 'fr-par-1',
    filesystems: [],
    end_of_service: false,
    ...overrides,
  }
}

/** The zone in an Instance API path (`/api/instance/v1/zones/{zone}/…`). */
export function zoneOf(request: Request): string | undefined {
  return /\/zones\/([^/]+)\//.exec(new URL(request.url).pathname)?.[1]
}
