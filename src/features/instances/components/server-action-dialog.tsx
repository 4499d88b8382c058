import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { formatBytes } from '@/lib/format'
import { useScalewayClient } from '@/features/session'
import type { Server } from '../api/instance-queries'
import { useDeleteServer } from '../api/use-delete-server'
import { useServerAction } from '../api/use-server-action'
import { useServerVolumes, type ServerVolume } from '../api/use-server-volumes'
import { COMMANDS, type ServerCommand } from '../server-actions'

interface ServerActionDialogProps {
  server: Server
  /** The command being confirmed; null when the dialog is closed. */
  command: ServerCommand | null
  onClose: () => void
  /** After the request succeeded and fresh data is in. */
  onDone?: (command: ServerCommand) => void
}

/** Confirms one lifecycle command, sends it once, and stays open with Scaleway's message if refused. */
export function ServerActionDialog({ server, command, onClose, onDone }: ServerActionDialogProps) {
  const client = useScalewayClient()
  const action = useServerAction(client, server.id)
  const remove = useDeleteServer(client, server.id)
  const spec = COMMANDS.find((c) => c.command === command)
  const mutation = command === 'delete' ? remove : action

  function close() {
    action.reset()
    remove.reset()
    onClose()
  }

  async function confirm() {
    if (!command) return
    if (command === 'delete') await remove.mutateAsync({ zone: server.zone, id: server.id })
    else await action.mutateAsync({ zone: server.zone, id: server.id, action: command })
    close()
    onDone?.(command)
  }

  return (
    <ConfirmDialog
      open={spec !== undefined}
      onClose={close}
      title={spec ? titleOf(spec.command, server.name) : ''}
      description={command ? <Consequences server={server} command={command} /> : null}
      confirmLabel={spec?.label ?? ''}
      tone={spec?.tone}
      confirmText={spec?.typeToConfirm ? server.name : undefined}
      onConfirm={confirm}
      pending={mutation.isPending}
      error={mutation.error}
    />
  )
}

function titleOf(command: ServerCommand, name: string): string {
  switch (command) {
    case 'poweron':
      return `Power on ${name}?`
    case 'poweroff':
      return `Power off ${name}?`
    case 'reboot':
      return `Reboot ${name}?`
    case 'stop_in_place':
      return `Stop ${name} in place?`
    case 'terminate':
      return `Terminate ${name}`
    case 'delete':
      return `Delete ${name}`
  }
}

function Consequences({ server, command }: { server: Server; command: ServerCommand }) {
  switch (command) {
    case 'poweron':
      return <p>The server starts on a hypervisor; compute billing resumes while it runs.</p>
    case 'poweroff':
      return <p>The server shuts down and releases its hypervisor slot. Its volumes and flexible IPs stay, and keep billing.</p>
    case 'reboot':
      return <p>The server stops and starts again; it is unreachable for a moment.</p>
    case 'stop_in_place':
      return <p>The server stops but keeps its slot on the hypervisor, so it restarts fast. It is still billed as if running.</p>
    case 'terminate':
      return (
        <>
          <p>
            Terminating stops the server and deletes it with its <strong>local</strong> volumes. This cannot be undone.
          </p>
          <WhatStays server={server} keepsLocal={false} />
        </>
      )
    case 'delete':
      return (
        <>
          <p>Deleting removes the server. This cannot be undone.</p>
          <WhatStays server={server} keepsLocal />
        </>
      )
  }
}

function volumeLabel(v: ServerVolume): string {
  const name = v.name ?? (v.isLoading ? 'reading name…' : v.id)
  return `${name} (${v.type}${v.size !== undefined ? `, ${formatBytes(v.size)}` : ''})`
}

/** Volumes and flexible IPs that outlive the server and go on billing until deleted. */
function WhatStays({ server, keepsLocal }: { server: Server; keepsLocal: boolean }) {
  const volumes = useServerVolumes(useScalewayClient(), server)
  const kept = volumes.filter((v) => v.kind === 'block' || keepsLocal)
  const deleted = volumes.filter((v) => v.kind === 'local' && !keepsLocal)
  // A dynamic IP goes with the server; a flexible one stays, detached, and bills.
  const flexibleIps = server.publicIps.filter((ip) => !ip.dynamic)
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
      {deleted.length > 0 && (
        <div>
          <p className="font-medium">Deleted with it:</p>
          <ul className="list-disc pl-5">
            {deleted.map((v) => (
              <li key={v.id}>Local volume {volumeLabel(v)}</li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <p className="font-medium">What stays, and keeps billing until you delete it:</p>
        {kept.length === 0 && flexibleIps.length === 0 ? (
          <p>Nothing: no volume or flexible IP outlives this server.</p>
        ) : (
          <ul className="list-disc pl-5">
            {kept.map((v) => (
              <li key={v.id}>
                {v.kind === 'block' ? 'Block volume' : 'Local volume'} {volumeLabel(v)}, detached
              </li>
            ))}
            {flexibleIps.map((ip) => (
              <li key={ip.id}>
                Flexible IP <span className="font-mono">{ip.address}</span>, detached
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
