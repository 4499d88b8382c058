import { Errors } from '@scaleway/sdk-client'
import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorPanel } from '@/components/ui/error-panel'
import { TableSkeleton } from '@/components/ui/skeleton'
import { isKnownZone } from '@/lib/scaleway/localities'
import { isUuid } from '@/lib/scaleway/path-params'
import { useScalewayClient } from '@/features/session'
import { instanceQueries } from './api/instance-queries'
import { BackToList } from './components/back-to-list'
import { ServerView, type ServerViewProps } from './components/server-view'

/** `sections`: more about the server from other features, composed by app/ (see ServerView). */
export function InstanceDetailPage({ sections }: Pick<ServerViewProps, 'sections'>) {
  const { zone = '', id = '' } = useParams()
  // Checked before any request: a bad zone or id from the URL never reaches a request path.
  if (!isKnownZone(zone) || !isUuid(id)) {
    return (
      <EmptyState level={1} title="Page not found" action={<Link to="/instances" className="text-sm text-brand-700 hover:underline">Go to Instances</Link>}>
        {isKnownZone(zone) ? `“${id}” is not a server id.` : `“${zone}” is not a zone this console knows.`} There is no instance to show here.
      </EmptyState>
    )
  }
  return <InstanceDetail zone={zone} id={id} sections={sections} />
}

function InstanceDetail({ zone, id, sections }: { zone: string; id: string } & Pick<ServerViewProps, 'sections'>) {
  const client = useScalewayClient()
  const server = useQuery(instanceQueries.detail(client, zone, id))

  if (server.error instanceof Errors.ResourceNotFoundError) {
    return (
      <EmptyState level={1} title="This server no longer exists" action={<BackToList zone={zone} />}>
        Scaleway has no server {id} in {zone} (“{server.error.rawMessage ?? 'resource is not found'}”). It may have been terminated or deleted.
      </EmptyState>
    )
  }
  if (server.isPending) return <TableSkeleton label="Loading the instance…" rows={8} />
  if (server.isError && !server.data) {
    return (
      <>
        <BackToList zone={zone} />
        <ErrorPanel error={server.error} onRetry={() => void server.refetch()} />
      </>
    )
  }
  return <ServerView zone={zone} id={id} server={server.data} refreshError={server.isError ? server.error : null} sections={sections} />
}
