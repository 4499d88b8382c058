import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { memo, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { Table, Td, Th } from '@/components/ui/table'
import { formatExact, formatRelative } from '@/lib/format'
import { cn } from '@/lib/utils'
import type { Server } from '../api/instance-queries'
import { ServerActionsMenu } from './server-actions'
import { ServerStateBadge } from './server-state-badge'

interface CellContext {
  projectName: (id: string) => string | undefined
}

interface Column {
  id: string
  header: string
  cell: (server: Server, ctx: CellContext) => ReactNode
  className?: string
}

const STICKY_RIGHT = 'sticky right-0 bg-white/95 text-right shadow-[-8px_0_8px_-8px_rgb(0_0_0/0.15)]'

const dash = <span className="text-slate-400">—</span>

const addresses = (server: Server, family: 'inet' | 'inet6') => {
  const list = server.publicIps.filter((ip) => ip.family === family).map((ip) => ip.address)
  return list.length ? list.map((a) => <div key={a}>{a}</div>) : dash
}

/** The columns of every instances table, in order. */
const INSTANCE_COLUMNS: readonly Column[] = [
  {
    id: 'name',
    header: 'Name',
    className: 'font-medium whitespace-nowrap',
    cell: (s) => (
      <>
        <Link to={`/instances/${s.zone}/${s.id}`} className="text-brand-700 underline-offset-2 hover:underline">
          {s.name}
        </Link>
        <div className="font-mono text-xs font-normal text-slate-500">{s.id.slice(0, 8)}</div>
      </>
    ),
  },
  { id: 'state', header: 'State', cell: (s) => <ServerStateBadge state={s.state} detail={s.stateDetail} /> },
  { id: 'type', header: 'Type', className: 'font-mono text-xs whitespace-nowrap', cell: (s) => s.commercialType },
  { id: 'ipv4', header: 'Public IPv4', className: 'font-mono text-xs whitespace-nowrap', cell: (s) => addresses(s, 'inet') },
  { id: 'ipv6', header: 'Public IPv6', className: 'font-mono text-xs whitespace-nowrap', cell: (s) => addresses(s, 'inet6') },
  { id: 'private', header: 'Private IP', className: 'font-mono text-xs', cell: (s) => s.privateIp ?? dash },
  {
    id: 'image',
    header: 'Image',
    className: 'text-xs',
    cell: (s) => (s.image ? <span className="line-clamp-2 min-w-32" title={s.image.name}>{s.image.name}</span> : dash),
  },
  {
    id: 'tags',
    header: 'Tags',
    className: 'text-xs text-slate-600',
    cell: (s) => (s.tags.length ? s.tags.join(', ') : dash),
  },
  {
    id: 'project',
    header: 'Project',
    className: 'text-xs',
    cell: (s, ctx) => ctx.projectName(s.project) ?? <span className="font-mono">{s.project.slice(0, 8)}</span>,
  },
  { id: 'zone', header: 'Zone', className: 'font-mono text-xs whitespace-nowrap', cell: (s) => s.zone },
  {
    id: 'created',
    header: 'Created',
    className: 'text-xs whitespace-nowrap text-slate-600',
    cell: (s) =>
      s.creationDate ? (
        <time dateTime={s.creationDate.toISOString()} title={formatExact(s.creationDate)}>
          {formatRelative(s.creationDate)}
        </time>
      ) : (
        dash
      ),
  },
  // Sticky: on a narrow screen the table scrolls sideways and the menu stays in reach.
  { id: 'actions', header: 'Actions', className: STICKY_RIGHT, cell: (s) => <ServerActionsMenu server={s} /> },
]

/** Above this many rows, only the rows near the viewport are in the DOM. */
const VIRTUALIZE_FROM = 100
const ROW_HEIGHT_ESTIMATE = 58

interface InstancesTableProps {
  servers: Server[]
  label: string
  projectName: CellContext['projectName']
}

/** Rows keyed by id (two servers may share a name). Long lists render only what is on screen. */
export function InstancesTable({ servers, label, projectName }: InstancesTableProps) {
  const header = (
    <thead>
      <tr>
        {INSTANCE_COLUMNS.map((c) => (
          <Th key={c.id} className={c.id === 'actions' ? cn(STICKY_RIGHT, 'bg-slate-50') : undefined}>
            {c.id === 'actions' ? <span className="sr-only">{c.header}</span> : c.header}
          </Th>
        ))}
      </tr>
    </thead>
  )
  return (
    <Table aria-label={label} aria-rowcount={servers.length + 1}>
      {header}
      {servers.length > VIRTUALIZE_FROM ? (
        <VirtualBody servers={servers} projectName={projectName} />
      ) : (
        <tbody>
          {servers.map((s, i) => (
            <Row key={s.id} server={s} projectName={projectName} index={i} />
          ))}
        </tbody>
      )}
    </Table>
  )
}

interface RowProps {
  server: Server
  projectName: CellContext['projectName']
  index: number
  measure?: (el: HTMLTableRowElement | null) => void
}

/** Memoised: a poll or a zone answering re-renders only the rows whose server changed. */
const Row = memo(function Row({ server, projectName, index, measure }: RowProps) {
  const ctx = { projectName }
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} className="hover:bg-slate-50">
      {INSTANCE_COLUMNS.map((c) => (
        <Td key={c.id} className={c.className}>
          {c.cell(server, ctx)}
        </Td>
      ))}
    </tr>
  )
})

function VirtualBody({ servers, projectName }: { servers: Server[]; projectName: CellContext['projectName'] }) {
  const body = useRef<HTMLTableSectionElement>(null)
  const [offset, setOffset] = useState(0)
  useLayoutEffect(() => {
    setOffset((body.current?.getBoundingClientRect().top ?? 0) + window.scrollY)
  }, [])
  const virtualizer = useWindowVirtualizer({
    count: servers.length,
    estimateSize: () => ROW_HEIGHT_ESTIMATE,
    overscan: 10,
    scrollMargin: offset,
    getItemKey: (i) => servers[i]?.id ?? i,
  })
  const items = virtualizer.getVirtualItems()
  const top = items.length ? (items[0]?.start ?? 0) - offset : 0
  const bottom = items.length ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - offset) : 0
  return (
    <tbody ref={body}>
      {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
      {items.map((item) => {
        const server = servers[item.index]
        return server ? <Row key={item.key} server={server} projectName={projectName} index={item.index} measure={virtualizer.measureElement} /> : null
      })}
      {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
    </tbody>
  )
}
