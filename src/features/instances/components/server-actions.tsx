import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Tooltip } from '@/components/ui/tooltip'
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
