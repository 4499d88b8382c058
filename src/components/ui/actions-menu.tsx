import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { cn } from '@/lib/utils'
import { buttonVariants } from './button'

export interface MenuAction {
  label: string
  /** Why it cannot be chosen now; the item stays focusable and says so. */
  disabledReason?: string
  danger?: boolean
  /** Focus is back on the menu's trigger by then: a dialog opened from here returns it there when it closes. */
  onSelect: () => void
}

/** Which row's menu to open, at which button. */
export interface MenuRequest {
  /** The row's id: the menu's items are `actionsOf(id)`, read again on every render while it is open. */
  id: string
  /** Names the menu as it names its trigger: "Actions for web-1". */
  label: string
  trigger: HTMLElement
}

// Computed once: a long list renders one of these per row.
const TRIGGER_CLASS = buttonVariants({ variant: 'ghost', size: 'sm' })

/**
 * A row's "Actions" button. Only a button: the one menu of the table (`useActionsMenu`) opens at it, so a long list
 * keeps one element per row and builds the items, and what each one allows, for the row that asks only.
 */
export function ActionsTrigger({ label, onOpen }: { label: string; onOpen: (trigger: HTMLButtonElement) => void }) {
  return (
    <button type="button" className={TRIGGER_CLASS} aria-label={label} aria-expanded="false" onClick={(event) => onOpen(event.currentTarget)}>
      Actions
    </button>
  )
}

/**
 * One "Actions" menu for a whole table, on a native popover: Escape and a click outside close it, Tab goes from the
 * trigger into it, and focus goes back to the trigger. `open` shows it at a row's trigger (pressing the same trigger
 * again closes it); render `menu` once, beside the table. Its items are `actionsOf(id)` for the row it opened for,
 * as that row is now (a poll that changes what the server allows changes them); it closes if the row leaves the
 * list. `openId` is that row's id: a virtualised list keeps that row's elements while the menu is open (its trigger
 * never starts meaning another row).
 */
export function useActionsMenu(actionsOf: (id: string) => readonly MenuAction[] | null): {
  open: (request: MenuRequest) => void
  openId: string | null
  menu: ReactNode
} {
  const [opened, setOpened] = useState<{ request: MenuRequest; n: number } | null>(null)
  const openings = useRef(0)
  const open = useCallback((request: MenuRequest) => {
    const n = ++openings.current
    setOpened((current) => (current?.request.trigger === request.trigger && current.request.id === request.id ? null : { request, n }))
  }, [])
  const close = useCallback(() => setOpened(null), [])
  const actions = opened ? actionsOf(opened.request.id) : null
  return {
    open,
    openId: opened?.request.id ?? null,
    // A new popover element per opening: removing a shown popover hides it without a toggle event, so moving from one
    // row's menu to another's never reads as the user closing the new one.
    menu: opened && <Menu key={opened.n} request={opened.request} actions={actions} onClose={close} />,
  }
}

function Menu({ request, actions, onClose }: { request: MenuRequest; actions: readonly MenuAction[] | null; onClose: () => void }) {
  const { label, trigger } = request
  const id = useId()
  const panel = useRef<HTMLDivElement>(null)
  const gone = actions === null

  useEffect(() => {
    // The row left the list (a server deleted meanwhile): nothing to act on.
    if (gone) onClose()
  }, [gone, onClose])

  useLayoutEffect(() => {
    const menu = panel.current
    if (!menu) return
    // `source` ties the popover to its trigger: Tab goes from the trigger into it, and the trigger counts as inside
    // for a click outside. A browser that does not know it never reads it: focus goes to the first item instead.
    let tied = false
    menu.showPopover({
      get source() {
        tied = true
        return trigger
      },
    })
    if (!tied) menu.querySelector('button')?.focus()
    trigger.setAttribute('aria-expanded', 'true')
    trigger.setAttribute('aria-controls', id)
    // Under its trigger (above it where the screen ends), and with it as the page or the table scrolls.
    const place = () => {
      const button = trigger.getBoundingClientRect()
      const below = button.bottom + 4
      const fits = below + menu.offsetHeight <= window.innerHeight - 8 || button.top > window.innerHeight || button.bottom < 0
      menu.style.top = `${fits ? below : Math.max(8, button.top - menu.offsetHeight - 4)}px`
      menu.style.left = `${Math.max(8, button.right - menu.offsetWidth)}px`
    }
    place()
    window.addEventListener('scroll', place, { capture: true, passive: true })
    window.addEventListener('resize', place)
    return () => {
      window.removeEventListener('scroll', place, { capture: true })
      window.removeEventListener('resize', place)
      trigger.setAttribute('aria-expanded', 'false')
      trigger.removeAttribute('aria-controls')
    }
  }, [trigger, id])

  function select(action: MenuAction) {
    panel.current?.hidePopover()
    // The table keeps this row's elements while its menu is open: the trigger is still this row's.
    if (trigger.isConnected) trigger.focus()
    action.onSelect()
  }

  if (!actions) return null
  return (
    <div
      ref={panel}
      id={id}
      popover="auto"
      onToggle={(event) => (event as unknown as ToggleEvent).newState === 'closed' && onClose()}
      className="fixed inset-auto m-0 w-64 rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg"
    >
      <ul aria-label={label}>
        {actions.map((action) => (
          <MenuItem key={action.label} action={action} onSelect={() => select(action)} />
        ))}
      </ul>
    </div>
  )
}

function MenuItem({ action, onSelect }: { action: MenuAction; onSelect: () => void }) {
  const reasonId = useId()
  const off = action.disabledReason !== undefined
  return (
    <li>
      <button
        type="button"
        aria-disabled={off || undefined}
        aria-describedby={off ? reasonId : undefined}
        onClick={() => !off && onSelect()}
        className={cn(
          'w-full rounded-md px-3 py-1.5 text-left hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500',
          action.danger && 'text-red-700',
          off && 'cursor-not-allowed text-slate-400 hover:bg-transparent',
        )}
      >
        {action.label}
      </button>
      {off && (
        <span id={reasonId} className="block px-3 pb-1 text-xs text-slate-500">
          {action.disabledReason}
        </span>
      )}
    </li>
  )
}
