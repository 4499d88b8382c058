import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ActionsTrigger } from '@/components/ui/actions-menu'
import { STICKY_RIGHT } from '@/components/ui/table'
import { formatExact, formatRelative } from '@/lib/format'
import type { Server } from '../api/instance-queries'
import { serverPath } from '../server-links'
import { ServerStateBadge } from './server-state-badge'

export interface CellContext {
  projectName: (id: string) => string | undefined
  /** Opens the table's one "Actions" menu at a row's trigger. */
  openMenu: (server: Server, trigger: HTMLElement) => void
  /** A long list's rows have a fixed height: a cell keeps to two lines. */
  compact?: boolean
}

export interface Column {
  id: string
  header: string
  cell: (server: Server, ctx: CellContext) => ReactNode
  className?: string
  /** Its width (a Tailwind class) in a long list, where the table's columns are fixed (instances-table.tsx). */
  width: string
  /** The header is for screen readers only. */
  hiddenHeader?: boolean
}

const dash = <span className="text-slate-400">—</span>

/** Every address; in a long list two lines at most: a third address and more are counted (and listed for screen readers and on hover). */
const addresses = (server: Server, family: 'inet' | 'inet6', compact = false) => {
  const list = server.publicIps.filter((ip) => ip.family === family).map((ip) => ip.address)
  if (!list.length) return dash
  if (!compact || list.length <= 2) return list.map((a) => <div key={a}>{a}</div>)
  const rest = list.slice(1)
  return (
    <>
      <div>{list[0]}</div>
      <div className="text-slate-500" title={rest.join(', ')}>
        +{rest.length} more<span className="sr-only">: {rest.join(', ')}</span>
      </div>
    </>
  )
}

/** The columns of every instances table, in order. */
export const INSTANCE_COLUMNS: readonly Column[] = [
  {
    id: 'name', width: 'w-56',
    header: 'Name',
    className: 'font-medium whitespace-nowrap',
    cell: (s) => (
      <>
        <Link to={serverPath(s.zone, s.id)} className="text-brand-700 underline-offset-2 hover:underline">
          {s.name}
        </Link>
        <div className="font-mono text-xs font-normal text-slate-500">{s.id.slice(0, 8)}</div>
      </>
    ),
  },
  { id: 'state', width: 'w-44', header: 'State', cell: (s) => <ServerStateBadge state={s.state} detail={s.stateDetail} oneLine /> },
  { id: 'type', width: 'w-28', header: 'Type', className: 'font-mono text-xs whitespace-nowrap', cell: (s) => s.commercialType },
  { id: 'ipv4', width: 'w-32', header: 'Public IPv4', className: 'font-mono text-xs whitespace-nowrap', cell: (s, ctx) => addresses(s, 'inet', ctx.compact) },
  { id: 'ipv6', width: 'w-48', header: 'Public IPv6', className: 'font-mono text-xs whitespace-nowrap', cell: (s, ctx) => addresses(s, 'inet6', ctx.compact) },
  { id: 'private', width: 'w-28', header: 'Private IP', className: 'font-mono text-xs', cell: (s) => s.privateIp ?? dash },
  {
    id: 'image', width: 'w-48',
    header: 'Image',
    className: 'text-xs',
    cell: (s) => (s.image ? <span className="line-clamp-2 min-w-32">{s.image.name}</span> : dash),
  },
  { id: 'tags', width: 'w-40', header: 'Tags', className: 'text-xs text-slate-600', cell: (s) => (s.tags.length ? s.tags.join(', ') : dash) },
  {
    id: 'project', width: 'w-32',
    header: 'Project',
    className: 'text-xs',
    cell: (s, ctx) => ctx.projectName(s.project) ?? <span className="font-mono">{s.project.slice(0, 8)}</span>,
  },
  { id: 'zone', width: 'w-24', header: 'Zone', className: 'font-mono text-xs whitespace-nowrap', cell: (s) => s.zone },
  {
    id: 'created', width: 'w-32',
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
  {
    id: 'actions', width: 'w-28',
    header: 'Actions',
    hiddenHeader: true,
    // Sticky: on a narrow screen the table scrolls sideways and the menu stays in reach.
    className: STICKY_RIGHT,
    cell: (s, ctx) => <ActionsTrigger label={`Actions for ${s.name}`} onOpen={(trigger) => ctx.openMenu(s, trigger)} />,
  },
]
