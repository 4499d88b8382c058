import { Errors } from '@scaleway/sdk-client'
import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useParams } from 'react-router'
import { buttonVariants } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageHeader } from '@/components/ui/page-header'
import { TableSkeleton } from '@/components/ui/skeleton'
import { isKnownZone } from '@/lib/scaleway/localities'
import { isUuid } from '@/lib/scaleway/path-params'
import { useScalewayClient } from '@/features/session'
import { instanceQueries, isMoving, type Server } from './api/instance-queries'
import { InstanceNetwork, InstanceOverview, InstanceVolumes } from './components/instance-overview'
import { InstanceSettings } from './components/instance-settings'
import { ServerActionButtons } from './components/server-actions'
import { ServerStateBadge } from './components/server-state-badge'

export function InstanceDetailPage() {
  const { zone = '', id = '' } = useParams()
  // Checked before any request: a bad zone or id from the URL never reaches a request path.
  if (!isKnownZone(zone) || !isUuid(id)) {
    return (
      <EmptyState level={1} title="Page not found" action={<Link to="/instances" className="text-sm text-brand-700 hover:underline">Go to Instances</Link>}>
        {isKnownZone(zone) ? `“${id}” is not a server id.` : `“${zone}” is not a zone this console knows.`} There is no instance to show here.
      </EmptyState>
    )
  }
  return <InstanceDetail zone={zone} id={id} />
}

const backTo = (zone: string) => (
  <Link to={`/instances?${new URLSearchParams({ zone })}`} className="text-sm text-brand-700 hover:underline">
    ← Instances in {zone}
  </Link>
)

function InstanceDetail({ zone, id }: { zone: string; id: string }) {
  const client = useScalewayClient()
  const server = useQuery(instanceQueries.detail(client, zone, id))

  if (server.error instanceof Errors.ResourceNotFoundError) {
    return (
      <EmptyState level={1} title="This server no longer exists" action={backTo(zone)}>
        Scaleway has no server {id} in {zone} (“{server.error.rawMessage ?? 'resource is not found'}”). It may have been terminated or deleted.
      </EmptyState>
    )
  }
  if (server.isPending) return <TableSkeleton label="Loading the instance…" rows={8} />
  if (server.isError && !server.data) {
    return (
      <>
        <div className="mb-4">{backTo(zone)}</div>
        <ErrorPanel error={server.error} onRetry={() => void server.refetch()} />
      </>
    )
  }
  return <ServerView server={server.data} refreshError={server.isError ? server.error : null} />
}

function curlFor(server: Server): string {
  return `curl -sS -H "X-Auth-Token: $SCW_SECRET_KEY" "https://api.scaleway.com/instance/v1/zones/${server.zone}/servers/${server.id}"`
}

function ServerView({ server: s, refreshError }: { server: Server; refreshError: Error | null }) {
  const navigate = useNavigate()
  return (
    <>
      <div className="mb-2">{backTo(s.zone)}</div>
      <PageHeader
        title={s.name}
        description={
          <span className="flex flex-wrap items-center gap-3">
            {/* A live region: the state changing under an action is announced. */}
            <span role="status" aria-label="Server state">
              <ServerStateBadge state={s.state} detail={s.stateDetail} showDetail />
            </span>
            <span className="font-mono text-xs">{s.id}</span>
          </span>
        }
      />
      {isMoving(s) && (
        <div role="status" className="mb-4 text-sm text-slate-700">
          <span>The server is {s.state}{s.stateDetail ? ` (${s.stateDetail})` : ''}; this page follows it until it settles.</span>
          <div className="mt-1 h-1 w-full max-w-md overflow-hidden rounded bg-slate-200">
            <div className="h-full w-1/3 animate-pulse rounded bg-brand-500" />
          </div>
        </div>
      )}
      {refreshError && <ErrorPanel className="mb-4" error={refreshError} />}
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <ServerActionButtons server={s} onDone={(command) => command === 'delete' && navigate(`/instances?${new URLSearchParams({ zone: s.zone })}`)} />
        <div className="flex flex-wrap gap-2">
          <a
            href={`https://console.scaleway.com/instance/servers/${s.zone}/${s.id}/overview`}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonVariants({ variant: 'secondary', size: 'sm' })}
          >
            Open in the Scaleway console
          </a>
          <CopyButton value={curlFor(s)} text="Copy as curl" variant="secondary" />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <InstanceOverview server={s} />
        <div className="space-y-6">
          <InstanceNetwork server={s} />
          <InstanceVolumes server={s} />
        </div>
      </div>
      <div className="mt-6">
        <InstanceSettings key={s.id} server={s} />
      </div>
    </>
  )
}
