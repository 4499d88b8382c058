import { useId, useLayoutEffect, useRef, useState } from 'react'
import { cn } from '@/lib/utils'
import { Button } from './button'

export interface MenuAction {
  label: string
  /** Why it cannot be chosen now; the item stays focusable and says so. */
  disabledReason?: string
  danger?: boolean
  /** `trigger` is the menu's button: give focus back to it when what opened closes. */
  onSelect: (trigger: HTMLElement | null) => void
}

/**
 * A row's "Actions" menu on a native popover (Escape and a click outside close it,
 * focus goes back to its button). Items render only while it is open, so a long list
 * keeps one button per row.
 */
export function ActionsMenu({ label, actions }: { label: string; actions: readonly MenuAction[] }) {
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const trigger = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    // Read layout only when open: a closed menu in each of thousands of rows must not
    // force a layout on mount (that was the long frames while scrolling 10,000 servers).
    if (!open) return
    const button = trigger.current?.getBoundingClientRect()
    const panel = menu.current
    if (!button || !panel) return
    panel.style.top = `${Math.min(button.bottom + 4, window.innerHeight - panel.offsetHeight - 8)}px`
    panel.style.left = `${Math.max(8, button.right - panel.offsetWidth)}px`
  }, [open])

  function select(action: MenuAction) {
    menu.current?.hidePopover?.()
    trigger.current?.focus()
    action.onSelect(trigger.current)
  }

  return (
    <>
      <Button ref={trigger} variant="ghost" size="sm" popoverTarget={menuId} aria-label={label}>
        Actions
      </Button>
      <div
        ref={menu}
        id={menuId}
        popover="auto"
        onToggle={(event) => setOpen((event as unknown as ToggleEvent).newState === 'open')}
        className="fixed inset-auto m-0 w-64 rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-lg"
      >
        {open && (
          <ul aria-label={label}>
            {actions.map((action) => (
              <MenuItem key={action.label} action={action} onSelect={() => select(action)} />
            ))}
          </ul>
        )}
      </div>
    </>
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
