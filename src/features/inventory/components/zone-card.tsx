import { Link } from 'react-router'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Skeleton } from '@/components/ui/skeleton'
import { isSettled, type ZoneState } from '@/lib/scaleway/fan-out'
import { describeError } from '@/lib/scaleway/errors'
import { zoneLabel } from '@/lib/scaleway/localities'
import { cn } from '@/lib/utils'
import type { InventoryZone } from '../api/use-inventory'
import type { InventoryLinks } from '../inventory-links'
import type { ZoneSummary } from '../inventory-model'
import { STATE_COLORS, STATE_ORDER } from '../server-states'

/** How a zone's two lists went, in one chip: the worst of the two wins. */
function zoneChip({ servers, ips }: InventoryZone): { tone: 'neutral' | 'success' | 'warning' | 'danger'; text: string } {
  const states = [servers.status, ips.status]
  if (states.includes('failed')) return { tone: 'danger', text: 'failed' }
  if (states.includes('forbidden')) return { tone: 'warning', text: 'forbidden' }
  if (states.includes('throttled')) return { tone: 'warning', text: 'rate limited, retrying…' }
  if (states.includes('loading')) return { tone: 'neutral', text: 'loading…' }
  return states.every((s) => s === 'empty') ? { tone: 'neutral', text: 'empty' } : { tone: 'success', text: 'loaded' }
}

function Unread({ what, state, zone }: { what: string; state: ZoneState; zone: string }) {
  return (
    <p className="text-xs text-red-800">
      {what}: {state.status === 'forbidden' ? 'forbidden' : 'failed'}. {describeError(state.error).message}
      {state.status === 'failed' && (
        <Button variant="ghost" size="sm" className="ml-1 h-6 px-2 text-xs" onClick={state.refetch} aria-label={`Retry ${what.toLowerCase()} in ${zone}`}>
          Retry
        </Button>
      )}
    </p>
  )
}

interface ZoneCardProps {
  zone: InventoryZone
  summary: ZoneSummary
  links: InventoryLinks
}

export function ZoneCard({ zone: entry, summary, links }: ZoneCardProps) {
  const { zone, servers, ips } = entry
  const chip = zoneChip(entry)
  const counted = (state: ZoneState) => state.hasData
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3" aria-busy={!entry.settled}>
      <div className="flex items-start justify-between gap-2">
        <h4 className="font-medium text-slate-900">
          {zone} <span className="block text-xs font-normal text-slate-500">{zoneLabel(zone)}</span>
        </h4>
        <Badge tone={chip.tone}>{chip.text}</Badge>
      </div>
      <div className="mt-2 space-y-2 text-sm">
        {counted(servers) ? (
          <div>
            <Link to={links.servers({ zone })} className="font-semibold text-brand-700 hover:underline">
              {summary.servers} {summary.servers === 1 ? 'instance' : 'instances'}
              <span className="sr-only"> in {zone}</span>
            </Link>
            <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700">
              {STATE_ORDER.filter((state) => summary.byState[state]).map((state) => (
                <li key={state} className="flex items-center gap-1">
                  <span aria-hidden="true" className={cn('size-2 rounded-full', STATE_COLORS[state].dot)} />
                  <Link to={links.servers({ zone, state })} className="hover:underline">
                    {summary.byState[state]} {state}
                    <span className="sr-only"> in {zone}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : isSettled(servers) ? (
          <Unread what="Instances" state={servers} zone={zone} />
        ) : (
          <Skeleton className="h-5 w-28" />
        )}
        {counted(ips) ? (
          <p className="text-xs text-slate-700">
            Flexible IPs:{' '}
            <Link to={links.ips({ zone, attached: true })} className="hover:underline">
              {summary.ipsAttached} attached<span className="sr-only"> in {zone}</span>
            </Link>
            {' · '}
            <Link to={links.ips({ zone, attached: false })} className={cn('hover:underline', summary.ipsDetached > 0 && 'font-medium text-amber-800')}>
              {summary.ipsDetached} detached<span className="sr-only"> in {zone}</span>
            </Link>
          </p>
        ) : isSettled(ips) ? (
          <Unread what="Flexible IPs" state={ips} zone={zone} />
        ) : (
          <Skeleton className="h-4 w-36" />
        )}
      </div>
    </li>
  )
}
