import type { ReactNode } from 'react'
import { useNavigate } from 'react-router'
import { buttonVariants } from '@/components/ui/button'
import { CopyButton } from '@/components/ui/copy-button'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageHeader } from '@/components/ui/page-header'
import { isMoving, type Server } from '../api/instance-queries'
import { curlFor, scalewayConsoleUrl } from '../server-links'
import { BackToList } from './back-to-list'
import { InstanceNetwork, InstanceOverview, InstanceVolumes } from './instance-overview'
import { InstanceSettings } from './instance-settings'
import { ServerActionButtons } from './server-actions'
import { ServerStateBadge } from './server-state-badge'

/** One server: header with its state, actions, links out, details, settings. `zone` and `id` come checked from the route. */
export interface ServerViewProps {
  zone: string
  id: string
  server: Server
  refreshError: Error | null
  /** More about the server, from other features (its flexible IPs): composed by app/. */
  sections?: (server: Server) => ReactNode
}

export function ServerView({ zone, id, server: s, refreshError, sections }: ServerViewProps) {
  const navigate = useNavigate()
  return (
    <>
      <BackToList zone={zone} />
      <PageHeader
        title={s.name}
        description={
          <span className="flex flex-wrap items-center gap-3">
            {/* A live region: the state changing under an action is announced. */}
            <span role="status" aria-label="Server state">
              <ServerStateBadge state={s.state} detail={s.stateDetail} showDetail />
            </span>
            <span className="font-mono text-xs">{id}</span>
          </span>
        }
      />
      {isMoving(s) && (
        <div role="status" className="mb-4 text-sm text-slate-700">
          <span>
            The server is {s.state}
            {s.stateDetail ? ` (${s.stateDetail})` : ''}; this page follows it until it settles.
          </span>
          <div className="mt-1 h-1 w-full max-w-md overflow-hidden rounded bg-slate-200">
            <div className="h-full w-1/3 animate-pulse rounded bg-brand-500" />
          </div>
        </div>
      )}
      {refreshError && <ErrorPanel className="mb-4" error={refreshError} />}
      <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
        <ServerActionButtons server={s} onDone={(command) => command === 'delete' && navigate(`/instances?${new URLSearchParams({ zone })}`)} />
        <div className="flex flex-wrap gap-2">
          <a
            href={scalewayConsoleUrl(zone, id)}
            target="_blank"
            rel="noopener noreferrer"
            className={buttonVariants({ variant: 'secondary', size: 'sm' })}
          >
            Open in the Scaleway console
          </a>
          <CopyButton value={curlFor(zone, id)} text="Copy as curl" variant="secondary" />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <InstanceOverview server={s} />
        <div className="space-y-6">
          <InstanceNetwork server={s} />
          {sections?.(s)}
          <InstanceVolumes server={s} />
        </div>
      </div>
      <div className="mt-6">
        <InstanceSettings key={id} server={s} />
      </div>
    </>
  )
}
