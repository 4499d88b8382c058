import { useLocation } from 'react-router'
import { PageHeader } from '@/components/ui/page-header'
import { UnknownZoneNotice } from '@/components/ui/unknown-zone-notice'
import { zoneLabel } from '@/lib/scaleway/localities'
import { useProjects } from '@/lib/scaleway/project-queries'
import { useSearch } from '@/lib/search-params'
import { useScalewayClient } from '@/features/session'
import { AllZonesInstances } from './components/all-zones-instances'
import { CreateInstanceLink } from './components/create-instance-link'
import { InstancesFilters } from './components/instances-filters'
import { ZoneInstances } from './components/zone-instances'
import { INSTANCES_SEARCH, isAllZones } from './instances-search'

/** Set by the create form when it lands here. */
export interface CreatedState {
  created?: { name: string; zone: string }
}

export function InstancesPage() {
  const client = useScalewayClient()
  const { search, invalid, setSearch } = useSearch(INSTANCES_SEARCH)
  const projects = useProjects(client)
  const created = (useLocation().state as CreatedState | null)?.created
  const all = isAllZones(search)

  return (
    <>
      <PageHeader
        title="Instances"
        description={all ? 'Servers in every zone' : `Servers in ${search.zone} (${zoneLabel(search.zone)})`}
        actions={<CreateInstanceLink zone={search.zone} />}
      />
      <UnknownZoneNotice unknownZone={invalid.zone ?? null} zone={search.zone} />
      {created && (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Created {created.name} in {created.zone}. It is stopped: power it on from its Actions menu.
        </p>
      )}
      <InstancesFilters search={search} setSearch={setSearch} projects={projects} />
      {all ? (
        <AllZonesInstances search={search} projects={projects} />
      ) : (
        // Keyed by zone: a page kept on screen while the next loads never shows another zone's rows.
        <ZoneInstances key={search.zone} search={search} setSearch={setSearch} projects={projects} />
      )}
    </>
  )
}
