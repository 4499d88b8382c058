/** The console talks to the emulator through the official SDK: make sure its unmarshallers and errors work. */
import { Accountv3 } from '@scaleway/sdk-account'
import { Blockv1 } from '@scaleway/sdk-block'
import { createClient } from '@scaleway/sdk-client'
import { Iamv1alpha1 } from '@scaleway/sdk-iam'
import { Instancev1 } from '@scaleway/sdk-instance'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KEYS, DEFAULT_PROJECT_ID, ORGANIZATION_ID } from './seed.ts'
import { createEmulator, type Emulator } from './server.ts'

let emulator: Emulator
let base: string

const client = (index: number) => createClient({
  accessKey: DEMO_KEYS[index]!.accessKey,
  secretKey: DEMO_KEYS[index]!.secretKey,
  apiURL: base,
  defaultOrganizationId: ORGANIZATION_ID,
  defaultProjectId: DEFAULT_PROJECT_ID,
  defaultZone: 'fr-par-1',
  defaultRegion: 'fr-par',
})

beforeAll(async () => {
  emulator = createEmulator({ transitionMs: 0 })
  base = await emulator.listen(0)
})
afterAll(() => emulator.close())

describe('official SDK against the emulator', () => {
  it('reads Instance resources', async () => {
    const api = new Instancev1.API(client(0))
    const page = await api.listServers({ zone: 'fr-par-1', perPage: 5 })
    expect(page.totalCount).toBe(12)
    expect(page.servers[0]!.creationDate).toBeInstanceOf(Date)
    const all = await api.listServers({ zone: 'fr-par-1', perPage: 5 }).all()
    expect(all.length).toBe(12)
    const ips = await api.listIps({ zone: 'fr-par-1' })
    expect(ips.totalCount).toBe(ips.ips.length)
    const types = await api.listServersTypes({ zone: 'fr-par-1', perPage: 100 })
    expect(types.servers['DEV1-S']!.hourlyPrice).toBeGreaterThan(0)
    const created = await api.createServer({ zone: 'fr-par-1', name: 'sdk', commercialType: 'DEV1-S', image: 'ubuntu_noble', project: DEFAULT_PROJECT_ID, protected: false })
    expect(created.server!.state).toBe('stopped')
    const action = await api.serverAction({ zone: 'fr-par-1', serverId: created.server!.id, action: 'poweron' })
    expect(action.task!.status).toBe('pending')
    expect((await api.getServer({ zone: 'fr-par-1', serverId: created.server!.id })).server?.state).toBe('running')
  })
  it('reads Block Storage volumes and Instance volumes / security groups', async () => {
    const block = new Blockv1.API(client(0))
    const page = await block.listVolumes({ zone: 'fr-par-1', pageSize: 5, includeDeleted: false })
    expect(page.totalCount).toBeGreaterThan(5) // 13 seeded, plus the root volume of the server created above
    expect(page.volumes).toHaveLength(5)
    const all = await block.listVolumes({ zone: 'fr-par-1', pageSize: 5, includeDeleted: false }).all()
    expect(all).toHaveLength(page.totalCount)
    const attached = all.find((v) => v.references.length > 0)!
    expect(attached.createdAt).toBeInstanceOf(Date)
    expect(attached.references[0]!.productResourceType).toBe('instance_server')
    expect((await block.getVolume({ zone: 'fr-par-1', volumeId: attached.id })).status).toBe('in_use')
    await expect(block.deleteVolume({ zone: 'fr-par-1', volumeId: attached.id })).rejects.toMatchObject({ name: 'PreconditionFailedError' })
    const instance = new Instancev1.API(client(0))
    const volumes = await instance.listVolumes({ zone: 'fr-par-1' })
    expect(volumes.totalCount).toBe(1)
    expect(volumes.volumes[0]!.volumeType).toBe('l_ssd')
    const groups = await instance.listSecurityGroups({ zone: 'fr-par-1' })
    expect(groups.securityGroups.every((g) => g.projectDefault && g.name === 'Default security group')).toBe(true)
  })
  it('surfaces typed errors', async () => {
    const api = new Instancev1.API(client(1))
    await expect(api.updateServer({ zone: 'fr-par-1', serverId: '00000000-0000-4000-8000-000000000000', name: 'x' }))
      .rejects.toMatchObject({ name: 'PermissionsDeniedError' })
    await expect(new Instancev1.API(client(2)).listServers({ zone: 'fr-par-1' })).rejects.toMatchObject({ name: 'DeniedAuthenticationError' })
  })
  it('reads IAM and Account resources', async () => {
    const iam = new Iamv1alpha1.API(client(0))
    const key = await iam.getAPIKey({ accessKey: DEMO_KEYS[3]!.accessKey })
    expect(key.applicationId).toBeTruthy()
    expect(key.expiresAt).toBeInstanceOf(Date)
    expect((await iam.listAPIKeys({})).totalCount).toBe(4)
    // One per demo user or application, one per seeded group (Operators, Auditors).
    expect((await iam.listPolicies({})).totalCount).toBe(6)
    const projects = await new Accountv3.ProjectAPI(client(0)).listProjects({})
    expect(projects.projects.map((p) => p.name)).toEqual(['default', 'production', 'staging'])
    await expect(new Iamv1alpha1.API(client(3)).getAPIKey({ accessKey: DEMO_KEYS[3]!.accessKey })).rejects.toMatchObject({ name: 'PermissionsDeniedError' })
  })
})
