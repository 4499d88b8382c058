import type { Client } from '@scaleway/sdk-client'
import { useQueries } from '@tanstack/react-query'
import { catalogQueries } from './catalog-queries'
import type { Server } from './instance-queries'

export interface ServerVolume {
  id: string
  /** Slot in the server's `volumes` map ("0" boots unless told otherwise). */
  slot: string
  /** `block` (sbs, Block Storage API): detached on terminate, kept on delete. `local` (l_ssd, scratch): deleted on terminate. */
  kind: 'block' | 'local'
  /** sbs_5k, sbs_15k, l_ssd… as the owning API names it. */
  type: string
  name?: string
  size?: number
  /** The Block Storage read failed (e.g. 403): name and size stay unknown. */
  error: Error | null
  isLoading: boolean
}

/**
 * A server's volumes with names and sizes. Local volumes come inline with the server;
 * block volumes live in the Block Storage API and are read one by one.
 */
export function useServerVolumes(client: Client, server: Pick<Server, 'zone' | 'volumes'> | undefined): ServerVolume[] {
  const entries = server ? Object.entries(server.volumes).sort(([a], [b]) => Number(a) - Number(b)) : []
  const blockIds = entries.filter(([, v]) => v.volumeType === 'sbs_volume').map(([, v]) => v.id)
  const zone = server?.zone ?? ''
  const results = useQueries({ queries: blockIds.map((id) => catalogQueries.blockVolume(client, zone, id)) })
  const block = new Map(blockIds.map((id, i) => [id, results[i]]))

  return entries.map(([slot, v]): ServerVolume => {
    if (v.volumeType !== 'sbs_volume') {
      return { id: v.id, slot, kind: 'local', type: v.volumeType, name: v.name, size: v.size, error: null, isLoading: false }
    }
    const result = block.get(v.id)
    return {
      id: v.id,
      slot,
      kind: 'block',
      type: result?.data?.type ?? 'sbs_volume',
      name: result?.data?.name,
      size: result?.data?.size,
      error: result?.error ?? null,
      isLoading: result?.isPending ?? false,
    }
  })
}
