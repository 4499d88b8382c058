import { lazy, Suspense, useMemo } from 'react'
import { Link } from 'react-router'
import { buttonVariants } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageHeader } from '@/components/ui/page-header'
import { TableSkeleton } from '@/components/ui/skeleton'
import { describeError } from '@/lib/scaleway/errors'
import { ZONES } from '@/lib/scaleway/localities'
import { useProjects } from '@/lib/scaleway/project-queries'
import { useSearch } from '@/lib/search-params'
import { useScalewayClient } from '@/features/session'
import { useInventory } from './api/use-inventory'
import { IdleHints } from './components/idle-hints'
import { InventoryActions } from './components/inventory-actions'
import { InventoryFilters } from './components/inventory-filters'
import { InventoryProgress } from './components/inventory-progress'
import { InventoryTotals } from './components/inventory-totals'
import { RegionMap } from './components/region-map'
import { inventoryLinks } from './inventory-links'
import { INVENTORY_SEARCH } from './inventory-search'
import { useInventoryView } from './use-inventory-view'

const InventoryCharts = lazy(() => import('./components/inventory-charts'))

export function InventoryPage() {
  const client = useScalewayClient()
  const projects = useProjects(client)
  const inventory = useInventory()
  const { search, setSearch } = useSearch(INVENTORY_SEARCH)
  const view = useInventoryView(inventory, search, projects)
  // Stable while the filters are. Every part of the page is memoised: an answer arriving between two redraws
  // (see useInventory) re-renders this component and nothing under it.
  const { project, tag } = search
  const links = useMemo(() => inventoryLinks({ project, tag }), [project, tag])
  // Every server and IP fetched, whatever the filters (they narrow the view, not the export).
  const { servers, ips } = inventory
  const exportInput = useMemo(() => ({ servers, ips, projectName: projects.nameOf }), [servers, ips, projects.nameOf])
  const partial = !inventory.isComplete
  const nothingRead = inventory.isComplete && inventory.unreadError !== null
  const nothingAtAll = inventory.isComplete && inventory.unreadZones.length === 0 && inventory.servers.length + inventory.ips.length === 0
  const nothingMatches = inventory.isComplete && !nothingAtAll && view.servers.length + view.ips.length === 0

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Every instance and flexible IP this key can see, in every zone."
        actions={
          <InventoryActions
            updatedAt={inventory.updatedAt}
            isFetching={inventory.isFetching}
            isComplete={inventory.isComplete}
            unreadZones={inventory.unreadZones}
            onRefresh={inventory.refresh}
            exportInput={exportInput}
          />
        }
      />
      <InventoryProgress zones={inventory.zones} />
      <InventoryFilters search={search} setSearch={setSearch} projects={view.projectChoices} tags={view.tags} />
      {nothingRead ? (
        <ErrorPanel
          error={inventory.unreadError}
          onRetry={describeError(inventory.unreadError).retryable ? inventory.refresh : undefined}
          className="mb-6"
        />
      ) : nothingAtAll ? (
        <EmptyState
          title="Nothing in any zone yet"
          action={<Link to="/instances/new" className={buttonVariants()}>Create instance</Link>}
        >
          This key sees no instance and no flexible IP in any of the {ZONES.length} zones.
        </EmptyState>
      ) : nothingMatches ? (
        <EmptyState title="Nothing matches these filters" level={2}>
          No instance or flexible IP carries this project and tag. Clear the filters to see everything.
        </EmptyState>
      ) : (
        <>
          <InventoryTotals servers={view.servers} ips={view.ips} links={links} partial={partial} />
          <RegionMap zones={inventory.zones} summaries={view.summaries} links={links} />
          <IdleHints hints={view.hints} links={links} partial={partial} />
          <Suspense fallback={<TableSkeleton rows={3} label="Loading the charts…" />}>
            <InventoryCharts servers={view.servers} ips={view.ips} links={links} projectName={projects.nameOf} />
          </Suspense>
        </>
      )}
      {(nothingRead || nothingAtAll || nothingMatches) && <RegionMap zones={inventory.zones} summaries={view.summaries} links={links} />}
    </>
  )
}
