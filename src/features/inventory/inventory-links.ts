import { ALL_ZONES } from '@/lib/scaleway/use-zone'
import { instancesPath, type ServerState } from '@/features/instances'
import { ipsPath } from '@/features/ips'
import type { InventoryFilter } from './inventory-model'

/**
 * Where each count leads: the Instances or Flexible IPs list showing exactly what was
 * counted (zone, state or attachment, and the inventory's project and tag).
 */
export function inventoryLinks({ project, tag }: InventoryFilter) {
  const owned = { project, tags: tag ? [tag] : [] }
  return {
    servers: ({ zone = ALL_ZONES, state = '' }: { zone?: string; state?: ServerState | '' } = {}) =>
      instancesPath({ zone, state, ...owned }),
    ips: ({ zone = ALL_ZONES, attached }: { zone?: string; attached?: boolean } = {}) =>
      ipsPath({ zone, attached: attached === undefined ? '' : attached ? 'true' : 'false', ...owned }),
    /** A project's servers, whatever the inventory's own project filter says. */
    projectServers: (projectId: string) => instancesPath({ zone: ALL_ZONES, project: projectId, tags: owned.tags }),
  }
}

export type InventoryLinks = ReturnType<typeof inventoryLinks>
