import type { Client } from '@scaleway/sdk-client'
import { Blockv1 } from '@scaleway/sdk-block'
import type { Instancev1 } from '@scaleway/sdk-instance'
import { queryOptions, skipToken } from '@tanstack/react-query'
import { fetchAllPages } from '@/lib/scaleway/fan-out'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { instanceApi } from './instance-queries'

export interface ServerTypeOption {
  name: string
  type: Instancev1.ServerType
  availability: Instancev1.ServerTypesAvailability | 'unknown'
}

const CATALOG_STALE = 10 * 60_000
const entryName = ([name]: [string, unknown]) => name

/**
 * What a zone sells and what can run on it: server types with availability and
 * price, public images, and the pieces of a server that live elsewhere (its block
 * volumes, its security group). Keyed by zone: the catalogue differs between zones.
 */
export const catalogQueries = {
  all: () => ['instance-catalog'] as const,
  serverTypes: (client: Client, zone: string) =>
    queryOptions({
      queryKey: [...catalogQueries.all(), 'server-types', zone] as const,
      queryFn: async (): Promise<ServerTypeOption[]> => {
        const api = instanceApi(client)
        const z = zoneParam(zone)
        const [types, availability] = await Promise.all([
          fetchAllPages(async (page, perPage) => {
            const res = await api.listServersTypes({ zone: z, page, perPage })
            return { items: Object.entries(res.servers), totalCount: res.totalCount }
          }, entryName),
          fetchAllPages(async (page, perPage) => {
            const res = await api.getServerTypesAvailability({ zone: z, page, perPage })
            return { items: Object.entries(res.servers), totalCount: res.totalCount }
          }, entryName),
        ])
        const byName = new Map(availability.items.map(([name, a]) => [name, a.availability]))
        return types.items
          .map(([name, type]) => ({ name, type, availability: byName.get(name) ?? ('unknown' as const) }))
          .sort((a, b) => a.type.hourlyPrice - b.type.hourlyPrice || a.name.localeCompare(b.name))
      },
      staleTime: CATALOG_STALE,
    }),
  publicImages: (client: Client, zone: string) =>
    queryOptions({
      queryKey: [...catalogQueries.all(), 'public-images', zone] as const,
      queryFn: async () =>
        (
          await fetchAllPages(async (page, perPage) => {
            const res = await instanceApi(client).listImages({ zone: zoneParam(zone), public: true, page, perPage })
            return { items: res.images, totalCount: res.totalCount }
          }, (image) => image.id)
        ).items,
      staleTime: CATALOG_STALE,
    }),
  /** A block (sbs) volume lives in the Block Storage API, not in the Instance API. */
  blockVolume: (client: Client, zone: string, id: string) =>
    queryOptions({
      queryKey: ['block-volumes', zone, id] as const,
      queryFn: () => new Blockv1.API(client).getVolume({ zone: zoneParam(zone), volumeId: uuidParam(id, 'volume id') }),
    }),
  /** `id` undefined (a server without one): the query does not run. */
  securityGroup: (client: Client, zone: string, id: string | undefined) =>
    queryOptions({
      queryKey: ['security-groups', zone, id] as const,
      queryFn: id
        ? async () => {
            const { securityGroup } = await instanceApi(client).getSecurityGroup({
              zone: zoneParam(zone),
              securityGroupId: uuidParam(id, 'security group id'),
            })
            if (!securityGroup) throw new Error(`The Instance API answered without a security group for ${id}`)
            return securityGroup
          }
        : skipToken,
    }),
}
