import { useCallback, useLayoutEffect, useId, useRef, useState, type ReactNode } from 'react'
import { cn } from '@/lib/utils'
import { buttonVariants } from './button'

export interface MenuAction {
  label: string
  /** Why it cannot be chosen now; the item stays focusable and says so. */
  disabledReason?: string
  danger?: boolean
  /** `trigger` is the button the menu opened from: give focus back to it when what opened closes. */
  onSelect: (trigger: HTMLElement | null) => void
}

/** What the menu shows: one row's actions, built when it opens. */
export interface MenuRequest {
  /** Names the menu as it names its trigger: "Actions for web-1". */
  label: string
  actions: readonly MenuAction[]
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
 * again closes it); render `menu` once, beside the table. The items act on the row the menu opened for, even if the
 * list moves meanwhile (a virtualised list reuses a row's elements for another server as it scrolls).
 */
export function useActionsMenu(): { open: (request: MenuRequest) => void; menu: ReactNode } {
  const [opened, setOpened] = useState<{ request: MenuRequest; n: number } | null>(null)
  const open = useCallback(
    (request: MenuRequest) =>
      setOpened((current) =>
        current?.request.trigger === request.trigger && current.request.label === request.label ? null : { request, n: (current?.n ?? 0) + 1 },
      ),
    [],
  )
  const close = useCallback(() => setOpened(null), [])
  // A new popover element per opening: removing a shown popover hides it without a toggle event, so moving from one
  // row's menu to another's never reads as the user closing the new one.
  return { open, menu: opened && <Menu key={opened.n} request={opened.request} onClose={close} /> }
}

function Menu({ request, onClose }: { request: MenuRequest; onClose: () => void }) {
  const { label, actions, trigger } = request
  const id = useId()
  const panel = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const menu = panel.current
    if (!menu) return
    // `source` ties the popover to its trigger (focus order, and the trigger counts as inside for a click outside).
    menu.showPopover({ source: trigger })
    trigger.setAttribute('aria-expanded', 'true')
    trigger.setAttribute('aria-controls', id)
    const button = trigger.getBoundingClientRect()
    menu.style.top = `${Math.min(button.bottom + 4, window.innerHeight - menu.offsetHeight - 8)}px`
    menu.style.left = `${Math.max(8, button.right - menu.offsetWidth)}px`
    return () => {
      trigger.setAttribute('aria-expanded', 'false')
      trigger.removeAttribute('aria-controls')
    }
  }, [trigger, id])

  function select(action: MenuAction) {
    panel.current?.hidePopover()
    // The trigger may now be another row's (a virtualised list reuses rows): focus goes back to it only if it is still this one.
    const same = trigger.isConnected && trigger.getAttribute('aria-label') === label
    if (same) trigger.focus()
    action.onSelect(same ? trigger : null)
  }

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
