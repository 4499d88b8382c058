import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { UnknownZoneNotice } from '@/components/ui/unknown-zone-notice'
import { DEFAULT_ZONE, zoneLabel } from '@/lib/scaleway/localities'
import { useProjects } from '@/lib/scaleway/project-queries'
import { useSearch } from '@/lib/search-params'
import { sessionQueries, useScalewayClient, useSession } from '@/features/session'
import { IpsFilters } from './components/ips-filters'
import { IpsList } from './components/ips-list'
import { ipLabel } from './api/ip-queries'
import { ReserveIpDialog } from './components/reserve-ip-dialog'
import { IPS_SEARCH, isAllZones } from './ips-search'

export function IpsPage() {
  const client = useScalewayClient()
  const { accessKey } = useSession()
  const { search, invalid, setSearch } = useSearch(IPS_SEARCH)
  const projects = useProjects(client)
  const key = useQuery(sessionQueries.currentKey(client, accessKey))
  const [reserving, setReserving] = useState(false)
  const [reserved, setReserved] = useState<string>()
  const all = isAllZones(search)

  return (
    <>
      <PageHeader
        title="Flexible IPs"
        description={all ? 'Public IPs in every zone' : `Public IPs in ${search.zone} (${zoneLabel(search.zone)})`}
        actions={
          <Button
            onClick={() => {
              setReserved(undefined)
              setReserving(true)
            }}
          >
            Reserve a flexible IP
          </Button>
        }
      />
      <UnknownZoneNotice unknownZone={invalid.zone ?? null} zone={search.zone} />
      {reserved && (
        <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {reserved}
        </p>
      )}
      <IpsFilters search={search} setSearch={setSearch} projects={projects} />
      <IpsList search={search} setSearch={setSearch} projects={projects} onReserve={() => setReserving(true)} />
      {reserving && (
        <ReserveIpDialog
          zone={all ? DEFAULT_ZONE : search.zone}
          defaultProject={key.data?.kind === 'verified' ? key.data.apiKey.defaultProjectId : undefined}
          onClose={() => setReserving(false)}
          onReserved={(ip) => {
            setReserved(`Reserved ${ipLabel(ip)} in ${ip.zone}. It is detached, and billed until released.`)
            // Show it in the list: its zone (unless every zone is shown), and detached ones included.
            setSearch({ zone: all ? search.zone : ip.zone, attached: '' })
          }}
        />
      )}
    </>
  )
}
