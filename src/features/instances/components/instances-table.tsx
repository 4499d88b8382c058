import { defaultRangeExtractor, type Range, useWindowVirtualizer } from '@tanstack/react-virtual'
import { memo, type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useActionsMenu } from '@/components/ui/actions-menu'
import { STICKY_RIGHT, Table, tdClass, Th } from '@/components/ui/table'
import { useRecycledKeys } from '@/lib/use-recycled-keys'
import { useSameWhileEqual } from '@/lib/use-same-while-equal'
import { cn } from '@/lib/utils'
import type { Server } from '../api/instance-queries'
import { serverMenuActions, type ServerCommand } from '../server-actions'
import { INSTANCE_COLUMNS, type CellContext } from './instance-columns'
import { ServerActionDialog } from './server-action-dialog'

/** Above this many rows, only the rows near the viewport are in the DOM. */
const VIRTUALIZE_FROM = 100
/**
 * Every virtualised row is this tall (px): the name cell's two lines, the tallest cell
 * (the others keep to two short lines at most: a third address is counted, not listed).
 * Fixed rather than measured: measuring each row as it mounts forces a layout and
 * recomputes every row's offset, which made scrolling through 10,000 rows drop frames.
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
}

/**
 * Rows keyed by id (two servers may share a name). Long lists render only what is on
 * screen. One "Actions" menu and one confirmation dialog for the whole table, owned here.
 */
export function InstancesTable({ servers, label, projectName }: InstancesTableProps) {
  const [target, setTarget] = useState<Target | null>(null)
  // The row a closing dialog gives focus back to: kept rendered through the commit that closes it (the browser
  // focuses its button then, and focus keeps it from there), let go a task later.
  const [returning, setReturning] = useState<string | null>(null)
  useEffect(() => {
    if (!returning) return
    const later = setTimeout(() => setReturning(null))
    return () => clearTimeout(later)
  }, [returning])
  // The open menu's items follow the server as the list has it now (a poll may change what it allows).
  const actionsOf = useCallback(
    (id: string) => {
      const server = servers.find((s) => s.id === id)
      return server ? serverMenuActions(server, (command: ServerCommand) => setTarget({ server, command })) : null
    },
    [servers],
  )
  const menu = useActionsMenu(actionsOf)
  const { open } = menu
  const openMenu = useCallback((server: Server, trigger: HTMLElement) => open({ id: server.id, label: `Actions for ${server.name}`, trigger }), [open])
  const virtual = servers.length > VIRTUALIZE_FROM
  const ctx = useMemo(() => ({ projectName, openMenu, compact: virtual }), [projectName, openMenu, virtual])
  // Rows whose elements a virtualised list must not lend to another row: the open menu's, the open dialog's.
  const keep = useMemo(
    () => [menu.openId, target?.server.id, returning].filter((id): id is string => !!id),
    [menu.openId, target?.server.id, returning],
  )
  return (
    <>
      {/*
        A long list lays its rows out as flex boxes of fixed widths, not as a table: the browser's table layout re-lays
        every row on screen when rows change, and this is a third of a scrolling frame's layout. The roles keep it a table.
      */}
      <Table aria-label={label} aria-rowcount={servers.length + 1} className={virtual ? 'block w-max min-w-full' : undefined} role={virtual ? 'table' : undefined}>
        <thead className={virtual ? 'block' : undefined} role={virtual ? 'rowgroup' : undefined}>
          <tr className={virtual ? 'flex' : undefined} role={virtual ? 'row' : undefined}>
            {INSTANCE_COLUMNS.map((c) => (
              <Th
                key={c.id}
                role={virtual ? 'columnheader' : undefined}
                className={cn(virtual && cn(FLEX_CELL, c.width), c.id === 'actions' && cn(STICKY_RIGHT, 'bg-slate-50'))}
              >
                {c.hiddenHeader ? <span className="sr-only">{c.header}</span> : c.header}
              </Th>
            ))}
          </tr>
        </thead>
        {virtual ? (
          <VirtualBody servers={servers} ctx={ctx} keep={keep} />
        ) : (
          <tbody>
            {servers.map((s, i) => (
              <Row key={s.id} server={s} ctx={ctx} index={i} />
            ))}
          </tbody>
        )}
      </Table>
      {menu.menu}
      {target && (
        <ServerActionDialog
          server={target.server}
          command={target.command}
          // The dialog gives focus back to the row's Actions button (kept rendered while it is open).
          onClose={() => {
            setReturning(target.server.id)
            setTarget(null)
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
/** A cell of a virtualised row (a flex box): at least its column's width (sharing a wider screen), its content centred as a table cell's is. */
const FLEX_CELL = 'shrink-0 grow content-center'
/** Each column's cell classes, computed once (a long list renders thousands of cells as it scrolls). */
const CELL_CLASS = INSTANCE_COLUMNS.map((c) => tdClass(c.className))
const FIXED_CELL_CLASS = INSTANCE_COLUMNS.map((c) => tdClass(cn(c.className, FLEX_CELL, c.width, 'truncate')))

/** Memoised: a poll or a zone answering re-renders only the rows whose server changed. */
const Row = memo(function Row({ server, ctx, index, fixed }: RowProps) {
  const classes = fixed ? FIXED_CELL_CLASS : CELL_CLASS
  return (
    <tr
      data-id={server.id}
      aria-rowindex={index + 2}
      style={fixed ? FIXED : undefined}
      className={fixed ? 'flex hover:bg-slate-50' : 'hover:bg-slate-50'}
      role={fixed ? 'row' : undefined}
    >
      {INSTANCE_COLUMNS.map((c, i) => (
        <td key={c.id} className={classes[i]} role={fixed ? 'cell' : undefined}>
          {c.cell(server, ctx)}
        </td>
      ))}
    </tr>
  )
})

function VirtualBody({ servers, ctx, keep }: { servers: readonly Server[]; ctx: CellContext; keep: readonly string[] }) {
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
  // The row holding focus stays rendered, and keeps its own elements, wherever the list scrolls (as the rows of the
  // open menu and dialog do): focus, a menu's trigger, the button a dialog returns to never vanish or change server.
  const [focused, setFocused] = useState<string | null>(null)
  // Native listeners, not React's onFocus: focus that moves while React commits (a dialog closing as it leaves the
  // page gives focus back to its row's button) reaches no React handler.
  useEffect(() => {
    const rows = body.current
    if (!rows) return
    const inside = (node: unknown) => node instanceof Node && rows.contains(node)
    const enter = (event: globalThis.FocusEvent) => setFocused((event.target as Element).closest('tr[data-id]')?.getAttribute('data-id') ?? null)
    // Focus leaving the window leaves it on the button (activeElement): the row still holds it.
    const leave = (event: globalThis.FocusEvent) => !inside(event.relatedTarget) && !inside(document.activeElement) && setFocused(null)
    rows.addEventListener('focusin', enter)
    rows.addEventListener('focusout', leave)
    return () => {
      rows.removeEventListener('focusin', enter)
      rows.removeEventListener('focusout', leave)
    }
  }, [])
  const kept = useMemo(() => (focused ? [focused, ...keep] : keep), [focused, keep])
  const keptAt = useMemo(() => kept.map((id) => ids.indexOf(id)).filter((i) => i >= 0), [kept, ids])
  const rangeExtractor = useCallback(
    (range: Range) => (keptAt.length ? [...new Set([...defaultRangeExtractor(range), ...keptAt])].sort((a, b) => a - b) : defaultRangeExtractor(range)),
    [keptAt],
  )
  const virtualizer = useWindowVirtualizer({
    count: servers.length,
    estimateSize: rowHeight,
    overscan: 2,
    scrollMargin: offset,
    getItemKey,
    rangeExtractor,
  })
  const items = virtualizer.getVirtualItems()
  const shown = useMemo(() => items.map((item) => ids[item.index] ?? ''), [items, ids])
  const keys = useRecycledKeys(shown, kept)
  // Spacers stand for the rows not rendered: above, below, and between the rows on screen and a kept one.
  const rows: ReactNode[] = []
  let at = 0
  items.forEach((item, i) => {
    const start = item.start - offset
    if (start > at) rows.push(<tr key={i === 0 ? 'top' : `gap-${item.index}`} aria-hidden="true" className="block" style={{ height: start - at }} />)
    const server = servers[item.index]
    // Recycled keys: a row scrolled away lends its elements to one scrolled in, which only changes their text.
    if (server) rows.push(<Row key={keys[i]} server={server} ctx={ctx} index={item.index} fixed />)
    at = item.end - offset
  })
  const bottom = virtualizer.getTotalSize() - at
  if (items.length && bottom > 0) rows.push(<tr key="bottom" aria-hidden="true" className="block" style={{ height: bottom }} />)
  return (
    <tbody ref={body} className="block" role="rowgroup">
      {rows}
    </tbody>
  )
}
