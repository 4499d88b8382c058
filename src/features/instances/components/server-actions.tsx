import { useId, useLayoutEffect, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Tooltip } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'
import type { Server } from '../api/instance-queries'
import { availability, COMMANDS, type Availability, type ServerCommand } from '../server-actions'
import { ServerActionDialog } from './server-action-dialog'

interface ServerActionsProps {
  server: Server
  onDone?: (command: ServerCommand) => void
}

/** The lifecycle buttons of the detail page: those the API allows now, the others saying why not. */
export function ServerActionButtons({ server, onDone }: ServerActionsProps) {
  const [command, setCommand] = useState<ServerCommand | null>(null)
  return (
    <div role="group" aria-label="Lifecycle actions" className="flex flex-wrap gap-2">
      {COMMANDS.map((spec) => {
        const state = availability(server, spec.command)
        const reason = state.enabled ? undefined : state.reason
        return (
          <Tooltip key={spec.command} content={reason}>
            {(describedBy) => (
              <Button
                variant={spec.tone === 'danger' ? 'danger' : 'secondary'}
                size="sm"
                aria-disabled={reason ? true : undefined}
                aria-describedby={describedBy}
                className={cn(reason && 'cursor-not-allowed opacity-50')}
                onClick={() => !reason && setCommand(spec.command)}
              >
                {spec.label}
              </Button>
            )}
          </Tooltip>
        )
      })}
      <ServerActionDialog server={server} command={command} onClose={() => setCommand(null)} onDone={onDone} />
    </div>
  )
}

/**
 * The same commands in a row's "Actions" menu (a native popover: Escape and a click
 * outside close it). Choosing one hands it to the table, which owns the one
 * confirmation dialog, so the dialog outlives a row that leaves the list.
 */
export function ServerActionsMenu({ server, onChoose }: { server: Server; onChoose: (command: ServerCommand, trigger: HTMLElement | null) => void }) {
  // Items render only while the menu is open: a long list keeps one button per row.
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const trigger = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const button = trigger.current?.getBoundingClientRect()
    const panel = menu.current
    if (!open || !button || !panel) return
    panel.style.top = `${Math.min(button.bottom + 4, window.innerHeight - panel.offsetHeight - 8)}px`
    panel.style.left = `${Math.max(8, button.right - panel.offsetWidth)}px`
  }, [open])

  function choose(command: ServerCommand) {
    menu.current?.hidePopover?.()
    trigger.current?.focus()
    onChoose(command, trigger.current)
  }

  return (
    <>
      <Button ref={trigger} variant="ghost" size="sm" popoverTarget={menuId} aria-label={`Actions for ${server.name}`}>
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
          <ul aria-label={`Actions for ${server.name}`}>
            {COMMANDS.map((spec) => (
              <MenuItem key={spec.command} label={spec.label} danger={spec.tone === 'danger'} state={availability(server, spec.command)} onChoose={() => choose(spec.command)} />
            ))}
          </ul>
        )}
      </div>
    </>
  )
}

function MenuItem({ label, danger, state, onChoose }: { label: string; danger: boolean; state: Availability; onChoose: () => void }) {
  const reasonId = useId()
  return (
    <li>
      <button
        type="button"
        aria-disabled={state.enabled ? undefined : true}
        aria-describedby={state.enabled ? undefined : reasonId}
        onClick={() => state.enabled && onChoose()}
        className={cn(
          'w-full rounded-md px-3 py-1.5 text-left hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500',
          danger && 'text-red-700',
          !state.enabled && 'cursor-not-allowed text-slate-400 hover:bg-transparent',
        )}
      >
        {label}
      </button>
      {!state.enabled && (
        <span id={reasonId} className="block px-3 pb-1 text-xs text-slate-500">
          {state.reason}
        </span>
      )}
    </li>
  )
}
