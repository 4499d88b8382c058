import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { Table, Td, Th } from '@/components/ui/table'
import { useSameWhileEqual } from '@/lib/use-same-while-equal'
import { cn } from '@/lib/utils'
import type { Server } from '../api/instance-queries'
import type { ServerCommand } from '../server-actions'
import { INSTANCE_COLUMNS, STICKY_RIGHT, type CellContext } from './instance-columns'
import { ServerActionDialog } from './server-action-dialog'

/** Above this many rows, only the rows near the viewport are in the DOM. */
const VIRTUALIZE_FROM = 100
/**
 * Every virtualised row is this tall (px): the name cell's two lines, the tallest cell
 * (the others stay on one or two short lines). Fixed rather than measured: measuring
 * each row as it mounts forces a layout and recomputes every row's offset, which made
 * scrolling through 10,000 rows drop frames. A row that still grows (a server with
 * three addresses) only shifts the few rows below it on screen, never the list.
 */
const ROW_HEIGHT = 57
const rowHeight = () => ROW_HEIGHT

interface InstancesTableProps {
  servers: readonly Server[]
  label: string
  projectName: CellContext['projectName']
}

interface Target {
  /** A copy taken when the dialog opened: it stays if the row leaves the list. */
  server: Server
  command: ServerCommand
  trigger: HTMLElement | null
}

/**
 * Rows keyed by id (two servers may share a name). Long lists render only what is on
 * screen. One confirmation dialog for the whole table, owned here.
 */
export function InstancesTable({ servers, label, projectName }: InstancesTableProps) {
  const [target, setTarget] = useState<Target | null>(null)
  const onChoose = useCallback((server: Server, command: ServerCommand, trigger: HTMLElement | null) => setTarget({ server, command, trigger }), [])
  const ctx = useMemo(() => ({ projectName, onChoose }), [projectName, onChoose])
  const virtual = servers.length > VIRTUALIZE_FROM
  return (
    <>
      {/* A long list has fixed columns: laying out the rows that scroll in no longer measures every cell, and the columns stay put. */}
      <Table aria-label={label} aria-rowcount={servers.length + 1} className={virtual ? 'table-fixed' : undefined}>
        <thead>
          <tr>
            {INSTANCE_COLUMNS.map((c) => (
              <Th key={c.id} className={cn(virtual && c.width, c.id === 'actions' && cn(STICKY_RIGHT, 'bg-slate-50'))}>
                {c.hiddenHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </Th>
            ))}
          </tr>
        </thead>
        {virtual ? (
          <VirtualBody servers={servers} ctx={ctx} />
        ) : (
          <tbody>
            {servers.map((s, i) => (
              <Row key={s.id} server={s} ctx={ctx} index={i} />
            ))}
          </tbody>
        )}
      </Table>
      {target && (
        <ServerActionDialog
          server={target.server}
          command={target.command}
          onClose={() => {
            setTarget(null)
            if (target.trigger?.isConnected) target.trigger.focus()
          }}
        />
      )}
    </>
  )
}

interface RowProps {
  server: Server
  ctx: CellContext
  index: number
  /** A virtualised row: exactly ROW_HEIGHT tall. */
  fixed?: boolean
}

const FIXED = { height: ROW_HEIGHT }

/** Memoised: a poll or a zone answering re-renders only the rows whose server changed. */
const Row = memo(function Row({ server, ctx, index, fixed }: RowProps) {
  return (
    <tr data-index={index} aria-rowindex={index + 2} style={fixed ? FIXED : undefined} className="hover:bg-slate-50">
      {INSTANCE_COLUMNS.map((c) => (
        <Td key={c.id} className={fixed ? cn(c.className, 'truncate') : c.className}>
          {c.cell(server, ctx)}
        </Td>
      ))}
    </tr>
  )
})

function VirtualBody({ servers, ctx }: { servers: readonly Server[]; ctx: CellContext }) {
  const body = useRef<HTMLTableSectionElement>(null)
  const [offset, setOffset] = useState(0)
  // Where the list starts on the page moves when what is above it grows (a zone
  // failing adds a line to the status strip): measure again on every layout change.
  useLayoutEffect(() => {
    const measure = () => setOffset((body.current?.getBoundingClientRect().top ?? 0) + window.scrollY)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [])
  // Stable while the list's ids are (in order): a new key function makes the virtualiser recompute every row's
  // offset, which must not happen on each scroll step, nor on each poll of the servers that move (new objects,
  // same rows).
  const ids = useSameWhileEqual(useMemo(() => servers.map((s) => s.id), [servers]))
  const getItemKey = useCallback((i: number) => ids[i] ?? i, [ids])
  const virtualizer = useWindowVirtualizer({
    count: servers.length,
    estimateSize: rowHeight,
    overscan: 2,
    scrollMargin: offset,
    getItemKey,
  })
  const items = virtualizer.getVirtualItems()
  const top = items.length ? (items[0]?.start ?? 0) - offset : 0
  const bottom = items.length ? virtualizer.getTotalSize() - ((items.at(-1)?.end ?? 0) - offset) : 0
  return (
    <tbody ref={body}>
      {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
      {items.map((item) => {
        const server = servers[item.index]
        return server ? <Row key={item.key} server={server} ctx={ctx} index={item.index} fixed /> : null
      })}
      {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
    </tbody>
  )
}

