import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { DescriptionList, DescriptionRow } from '@/components/ui/description-list'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageHeader } from '@/components/ui/page-header'
import { TableSkeleton } from '@/components/ui/skeleton'
import { isKnownZone } from '@/lib/scaleway/localities'
import { useScalewayClient } from '@/features/session'
import { instanceQueries } from './instance-queries'
import { ServerStateBadge } from './server-state-badge'

export function InstanceDetailPage() {
  const { zone = '', id = '' } = useParams()
  if (!isKnownZone(zone)) {
    return (
      <EmptyState title="Page not found" action={<Link to="/instances" className="text-sm text-brand-700 hover:underline">Go to Instances</Link>}>
        “{zone}” is not a zone this console knows, so there is no instance to show here.
      </EmptyState>
    )
  }
  return <InstanceDetail zone={zone} id={id} />
}

function InstanceDetail({ zone, id }: { zone: string; id: string }) {
  const client = useScalewayClient()
  const server = useQuery(instanceQueries.detail(client, zone, id))
  const back = (
    <Link to={`/instances?zone=${zone}`} className="text-sm text-brand-700 hover:underline">
      ← Instances in {zone}
    </Link>
  )

  if (server.isPending) return <TableSkeleton label="Loading the instance…" rows={8} />
  if (server.isError) {
    return (
      <>
        <div className="mb-4">{back}</div>
        <ErrorPanel error={server.error} onRetry={() => void server.refetch()} />
      </>
    )
  }
  const s = server.data
  return (
    <>
      <div className="mb-2">{back}</div>
      <PageHeader title={s.name} description={<span className="font-mono">{s.id}</span>} />
      <DescriptionList>
        <DescriptionRow label="State">
          <ServerStateBadge state={s.state} detail={s.stateDetail} /> <span className="text-slate-500">{s.stateDetail}</span>
        </DescriptionRow>
        <DescriptionRow label="Type">{s.commercialType} ({s.arch})</DescriptionRow>
        <DescriptionRow label="Zone">{s.zone}</DescriptionRow>
        <DescriptionRow label="Image">{s.image?.name ?? '—'}</DescriptionRow>
        <DescriptionRow label="Public IPs">
          {s.publicIps.length ? s.publicIps.map((ip) => <div key={ip.id} className="font-mono">{ip.address}</div>) : '—'}
        </DescriptionRow>
        <DescriptionRow label="Tags">{s.tags.length ? s.tags.join(', ') : '—'}</DescriptionRow>
        <DescriptionRow label="Project"><span className="font-mono">{s.project}</span></DescriptionRow>
        <DescriptionRow label="Created">{s.creationDate?.toLocaleString() ?? '—'}</DescriptionRow>
        <DescriptionRow label="Allowed actions">{s.allowedActions.length ? s.allowedActions.join(', ') : 'none'}</DescriptionRow>
      </DescriptionList>
    </>
  )
}
