import { memo } from 'react'
import type { Server } from '@/features/instances'
import type { Ip } from '@/features/ips'
import type { InventoryLinks } from '../inventory-links'
import { imageOf, isAttached, tally, tallyByProject } from '../inventory-model'
import { STATE_COLORS, STATE_ORDER } from '../server-states'
import { BarChart, DonutChart, type Datum } from './charts'

/** The longest lists (images, types, projects) show this many bars, then "Other". */
const MAX_BARS = 8

function topBars(data: Datum[]): Datum[] {
  if (data.length <= MAX_BARS) return data
  const rest = data.slice(MAX_BARS - 1)
  return [...data.slice(0, MAX_BARS - 1), { label: `Other (${rest.length})`, value: rest.reduce((sum, d) => sum + d.value, 0) }]
}

interface InventoryChartsProps {
  servers: readonly Server[]
  ips: readonly Ip[]
  links: InventoryLinks
  projectName: (id: string) => string | undefined
}

/**
 * Loaded on its own (React.lazy): the first visit to the inventory does not wait for the charts. Memoised: it
 * tallies every server five times, so it redraws only when what it shows changed, not on each page of a zone.
 */
export default memo(function InventoryCharts({ servers, ips, links, projectName }: InventoryChartsProps) {
  const byState = tally(servers, (s) => s.state)
  const states: Datum[] = STATE_ORDER.flatMap((state) => {
    const value = byState.find((t) => t.key === state)?.count ?? 0
    return value ? [{ label: state, value, to: links.servers({ state }), ...STATE_COLORS[state] }] : []
  })
  const attached = ips.filter(isAttached).length
  const ipData: Datum[] = [
    { label: 'attached', value: attached, to: links.ips({ attached: true }), color: 'text-brand-500', dot: 'bg-brand-500' },
    { label: 'detached', value: ips.length - attached, to: links.ips({ attached: false }), color: 'text-amber-500', dot: 'bg-amber-500' },
  ]
  const types = tally(servers, (s) => s.commercialType).map((t) => ({ label: t.key, value: t.count }))
  const images = tally(servers, imageOf).map((t) => ({ label: t.key, value: t.count }))
  const projects = tallyByProject(servers, ips).map((p) => ({
    label: projectName(p.project) ?? p.project,
    value: p.servers + p.ips,
    detail: `${p.servers} ${p.servers === 1 ? 'server' : 'servers'} · ${p.ips} ${p.ips === 1 ? 'IP' : 'IPs'}`,
    to: links.projectServers(p.project),
  }))

  return (
    <section aria-labelledby="charts-heading" className="mb-6">
      <h2 id="charts-heading" className="mb-3 text-lg font-semibold text-slate-900">
        Charts
      </h2>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <DonutChart title="Servers by state" data={states} centre={String(servers.length)} />
        <DonutChart title="Flexible IPs: attached and detached" data={ipData} centre={String(ips.length)} />
        <BarChart title="Resources per project" data={topBars(projects)} />
        <BarChart title="Servers by commercial type" data={topBars(types)} />
        <BarChart title="Servers by image" data={topBars(images)} />
      </div>
    </section>
  )
})
