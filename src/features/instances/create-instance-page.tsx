import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate } from 'react-router'
import { PageHeader } from '@/components/ui/page-header'
import { UnknownZoneNotice } from '@/components/ui/unknown-zone-notice'
import { zoneSearchParam } from '@/lib/scaleway/use-zone'
import { useSearch } from '@/lib/search-params'
import { sessionQueries, useScalewayClient, useSession } from '@/features/session'
import { CreateInstanceForm } from './components/create-instance-form'
import type { CreatedState } from './instances-page'

const SEARCH = { zone: zoneSearchParam() }

export function CreateInstancePage() {
  const client = useScalewayClient()
  const { accessKey } = useSession()
  const navigate = useNavigate()
  const { search, invalid, setSearch } = useSearch(SEARCH)
  const key = useQuery(sessionQueries.currentKey(client, accessKey))
  const defaultProject = key.data?.kind === 'verified' ? key.data.apiKey.defaultProjectId : undefined

  return (
    <>
      <div className="mb-2">
        <Link to={`/instances?${new URLSearchParams({ zone: search.zone })}`} className="text-sm text-brand-700 hover:underline">
          ← Instances in {search.zone}
        </Link>
      </div>
      <PageHeader title="Create instance" description="A new server starts stopped; power it on when it is listed." />
      <UnknownZoneNotice unknownZone={invalid.zone ?? null} zone={search.zone} />
      <CreateInstanceForm
        zone={search.zone}
        onZoneChange={(zone) => setSearch({ zone }, { replace: true })}
        defaultProject={defaultProject}
        onCreated={({ name, zone }) =>
          navigate(`/instances?${new URLSearchParams({ zone })}`, { state: { created: { name, zone } } satisfies CreatedState })
        }
      />
    </>
  )
}
