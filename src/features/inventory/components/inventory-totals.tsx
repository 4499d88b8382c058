import { memo } from 'react'
import { Link } from 'react-router'
import type { Server } from '@/features/instances'
import type { Ip } from '@/features/ips'
import type { InventoryLinks } from '../inventory-links'
import { isAttached } from '../inventory-model'

interface Stat {
  label: string
  value: number
  to: string
}

interface InventoryTotalsProps {
  servers: readonly Server[]
  ips: readonly Ip[]
  links: InventoryLinks
  /** Some zones are still answering: the totals are a floor. */
  partial: boolean
}

/** The whole key in six numbers, each a link to the list it counts. */
/** Memoised: redraws when the figures change, not on every page of a zone. */
export const InventoryTotals = memo(function InventoryTotals({ servers, ips, links, partial }: InventoryTotalsProps) {
  const detached = ips.filter((ip) => !isAttached(ip)).length
  const stats: Stat[] = [
    { label: 'Instances', value: servers.length, to: links.servers() },
    { label: 'Running', value: servers.filter((s) => s.state === 'running').length, to: links.servers({ state: 'running' }) },
    { label: 'Stopped', value: servers.filter((s) => s.state === 'stopped').length, to: links.servers({ state: 'stopped' }) },
    { label: 'Flexible IPs', value: ips.length, to: links.ips() },
    { label: 'Attached IPs', value: ips.length - detached, to: links.ips({ attached: true }) },
    { label: 'Detached IPs', value: detached, to: links.ips({ attached: false }) },
  ]
  return (
    <section aria-labelledby="totals-heading" className="mb-4">
      <h2 id="totals-heading" className="sr-only">
        Totals
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {stats.map((stat) => (
          <div key={stat.label} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs font-medium text-slate-600 uppercase">{stat.label}</dt>
            <dd className="mt-1">
              <Link to={stat.to} className="text-2xl font-semibold text-brand-700 hover:underline">
                {stat.value}
                <span className="sr-only"> {stat.label.toLowerCase()}{partial ? ' so far' : ''}</span>
              </Link>
              {partial && <span aria-hidden="true" className="ml-1 text-xs text-slate-500">so far</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
})
