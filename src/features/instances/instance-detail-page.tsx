import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageHeader } from '@/components/ui/page-header'
import { TableSkeleton } from '@/components/ui/skeleton'
import { useScalewayClient } from '@/features/session'
import { instanceQueries } from './instance-queries'
import { ServerStateBadge } from './server-state-badge'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 px-4 py-2.5">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="col-span-2 text-sm text-slate-900">{children}</dd>
    </div>
  )
}

export function InstanceDetailPage() {
  const client = useScalewayClient()
  const { zone = '', id = '' } = useParams()
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
      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        <Row label="State">
          <ServerStateBadge state={s.state} detail={s.stateDetail} /> <span className="text-slate-500">{s.stateDetail}</span>
        </Row>
        <Row label="Type">{s.commercialType} ({s.arch})</Row>
        <Row label="Zone">{s.zone}</Row>
        <Row label="Image">{s.image?.name ?? '—'}</Row>
        <Row label="Public IPs">
          {s.publicIps.length ? s.publicIps.map((ip) => <div key={ip.id} className="font-mono">{ip.address}</div>) : '—'}
        </Row>
        <Row label="Tags">{s.tags.length ? s.tags.join(', ') : '—'}</Row>
        <Row label="Project"><span className="font-mono">{s.project}</span></Row>
        <Row label="Created">{s.creationDate?.toLocaleString() ?? '—'}</Row>
        <Row label="Allowed actions">{s.allowedActions.length ? s.allowedActions.join(', ') : 'none'}</Row>
      </dl>
    </>
  )
}
