import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import type { ZoneState } from '@/lib/scaleway/fan-out'
import { describeError } from '@/lib/scaleway/errors'
import { zoneLabel } from '@/lib/scaleway/localities'

interface Counted {
  state: ZoneState | undefined
  count: number
}

interface ZoneCardProps {
  zone: string
  servers: Counted
  ips: Counted
}

function Count({ label, counted: { state, count }, to }: { label: string; counted: Counted; to: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd>
        {!state || state.status === 'loading' || state.status === 'throttled' ? (
          <Skeleton className="mt-1 h-7 w-12" />
        ) : state.status === 'failed' || state.status === 'forbidden' ? (
          <span className="block text-sm text-red-700">
            {describeError(state.error).message}
            {state.status === 'failed' && (
              <Button variant="ghost" size="sm" className="ml-1 h-6 px-2 text-xs" onClick={state.refetch}>
                Retry
              </Button>
            )}
          </span>
        ) : (
          <Link to={to} className="text-2xl font-semibold text-brand-700 hover:underline">
            {count}
          </Link>
        )}
      </dd>
    </div>
  )
}

export function ZoneCard({ zone, servers, ips }: ZoneCardProps) {
  const loading = [servers.state, ips.state].some((s) => !s || s.status === 'loading' || s.status === 'throttled')
  const query = new URLSearchParams({ zone })
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" aria-busy={loading}>
      <h2 className="font-semibold text-slate-900">
        {zone} <span className="font-normal text-slate-500">· {zoneLabel(zone)}</span>
      </h2>
      {loading && <span className="sr-only" role="status">Counting resources in {zone}…</span>}
      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
        <Count label="Instances" counted={servers} to={`/instances?${query}`} />
        <Count label="Flexible IPs" counted={ips} to={`/ips?${query}`} />
      </dl>
    </li>
  )
}
