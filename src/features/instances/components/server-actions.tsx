import { useId, useLayoutEffect, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { DisabledReason } from '@/components/ui/disabled-reason'
import { cn } from '@/lib/utils'
import type { Server } from '../api/instance-queries'
import { availability, COMMANDS, type ServerCommand } from '../server-actions'
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
          <DisabledReason key={spec.command} reason={reason}>
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
          </DisabledReason>
        )
      })}
      <ServerActionDialog server={server} command={command} onClose={() => setCommand(null)} onDone={onDone} />
    </div>
  )
}

/**
 * The same commands in a row's "Actions" menu (a native popover: Escape and a click
 * outside close it). Each item opens the same confirmation as on the detail page.
 */
export function ServerActionsMenu({ server }: ServerActionsProps) {
  const [command, setCommand] = useState<ServerCommand | null>(null)
  // Items render only while the menu is open: a long list keeps one button per row.
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const trigger = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)

  function place() {
    const button = trigger.current?.getBoundingClientRect()
    const panel = menu.current
    if (!button || !panel) return
    panel.style.top = `${Math.min(button.bottom + 4, window.innerHeight - panel.offsetHeight - 8)}px`
    panel.style.left = `${Math.max(8, button.right - panel.offsetWidth)}px`
  }

  useLayoutEffect(() => {
    if (open) place()
  }, [open])

  function choose(next: ServerCommand) {
    menu.current?.hidePopover?.()
    trigger.current?.focus()
    setCommand(next)
  }

  return (
    <>
      <Button
        ref={trigger}
        variant="ghost"
        size="sm"
        popoverTarget={menuId}
        aria-label={`Actions for ${server.name}`}
        aria-haspopup="true"
      >
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
            {COMMANDS.map((spec) => {
              const state = availability(server, spec.command)
              return (
                <li key={spec.command}>
                  <button
                    type="button"
                    aria-disabled={state.enabled ? undefined : true}
                    onClick={() => state.enabled && choose(spec.command)}
                    className={cn(
                      'w-full rounded-md px-3 py-1.5 text-left hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500',
                      spec.tone === 'danger' && 'text-red-700',
                      !state.enabled && 'cursor-not-allowed text-slate-400 hover:bg-transparent',
                    )}
                  >
                    {spec.label}
                    {!state.enabled && <span className="block text-xs text-slate-500">{state.reason}</span>}
                  </button>
                </li>
              )
            })}
          </ul>
        )}
      </div>
      {/* Mounted only while in use: a long list carries no dialog and no mutation per row. */}
      {command && (
        <ServerActionDialog
          server={server}
          command={command}
          onClose={() => {
            setCommand(null)
            trigger.current?.focus()
          }}
        />
      )}
    </>
  )
}
