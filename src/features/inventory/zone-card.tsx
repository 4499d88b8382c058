import type { UseQueryResult } from '@tanstack/react-query'
import { Link } from 'react-router'
import { Skeleton } from '@/components/ui/skeleton'
import { describeError } from '@/lib/scaleway/errors'
import { zoneLabel } from '@/lib/scaleway/localities'

interface ZoneCardProps {
  zone: string
  counts: UseQueryResult<{ servers: number; ips: number }>
}

export function ZoneCard({ zone, counts }: ZoneCardProps) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold text-slate-900">
        {zone} <span className="font-normal text-slate-500">· {zoneLabel(zone)}</span>
      </h2>
      {counts.isPending ? (
        <div role="status" className="mt-3 space-y-2">
          <span className="sr-only">Counting resources in {zone}…</span>
          <Skeleton className="h-5 w-24" />
          <Skeleton className="h-5 w-20" />
        </div>
      ) : counts.isError ? (
        <p className="mt-3 text-sm text-red-700">
          {describeError(counts.error).message}
        </p>
      ) : (
        <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
          <div>
            <dt className="text-slate-500">Instances</dt>
            <dd>
              <Link to={`/instances?zone=${zone}`} className="text-2xl font-semibold text-brand-700 hover:underline">
                {counts.data.servers}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Flexible IPs</dt>
            <dd>
              <Link to={`/ips?zone=${zone}`} className="text-2xl font-semibold text-brand-700 hover:underline">
                {counts.data.ips}
              </Link>
            </dd>
          </div>
        </dl>
      )}
    </li>
  )
}
