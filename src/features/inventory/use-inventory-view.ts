import { useMemo } from 'react'
import { ZONES } from '@/lib/scaleway/localities'
import { useNow } from '@/lib/use-now'
import type { ProjectNames } from '@/lib/scaleway/project-queries'
import type { Inventory } from './api/use-inventory'
import { idleHints, matchesFilter, summarizeByZone, tagsOf, type InventoryFilter } from './inventory-model'

/** What the page shows for this project and tag: filtered rows, per-zone counts, hints, and the filters' choices. */
export function useInventoryView(inventory: Inventory, filter: InventoryFilter, projects: ProjectNames) {
  const { servers: allServers, ips: allIps } = inventory
  const { project, tag } = filter
  // "Stuck for more than 30 minutes" is judged against a clock that moves.
  const now = useNow(60_000)
  return useMemo(() => {
    const keep = matchesFilter({ project, tag })
    const servers = allServers.filter(keep)
    const ips = allIps.filter(keep)
    const named = new Map(projects.projects.map((p) => [p.id, p.name]))
    // A key that may not read projects still filters by the ids its resources carry.
    for (const item of [...allServers, ...allIps]) if (!named.has(item.project)) named.set(item.project, item.project)
    return {
      servers,
      ips,
      summaries: summarizeByZone(ZONES, servers, ips),
      hints: idleHints(servers, ips, now),
      tags: tagsOf(allServers, allIps),
      projectChoices: [...named].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    }
  }, [allServers, allIps, project, tag, projects.projects, now])
}
