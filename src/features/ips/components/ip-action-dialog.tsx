import { useState } from 'react'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Field } from '@/components/ui/field'
import { invalidArgumentFor } from '@/lib/scaleway/errors'
import { useScalewayClient } from '@/features/session'
import { ipLabel, type Ip } from '../api/ip-queries'
import { useReleaseIp } from '../api/use-release-ip'
import { useUpdateIp, type IpPatch } from '../api/use-update-ip'
import { validateReverse } from '../reverse-dns'
import type { IpCommand } from './ip-actions'
import { ServerPicker } from './server-picker'

interface IpActionDialogProps {
  ip: Ip
  command: IpCommand
  onClose: () => void
}

/** Attach, Move, Detach, Edit reverse DNS or Release one IP: one request, refusals shown in the dialog. */
export function IpActionDialog({ ip, command, onClose }: IpActionDialogProps) {
  const client = useScalewayClient()
  const update = useUpdateIp(client)
  const release = useReleaseIp(client)
  const [server, setServer] = useState<string>()
  const [reverse, setReverse] = useState(ip.reverse ?? '')
  const [reverseError, setReverseError] = useState<string>()
  const address = ipLabel(ip)

  const patch = async (body: IpPatch) => {
    await update.mutateAsync({ zone: ip.zone, id: ip.id, patch: body })
    onClose()
  }
  const common = { open: true, onClose, pending: update.isPending || release.isPending, error: update.error ?? release.error }

  switch (command) {
    case 'attach':
    case 'move':
      return (
        <ConfirmDialog
          {...common}
          title={command === 'attach' ? `Attach ${address}` : `Move ${address}`}
          description={
            command === 'attach'
              ? <p>Pick a server of {ip.zone} in the same project. The address moves to it at once.</p>
              : <p>It leaves {ip.server?.name} and goes to the server you pick, in one request.</p>
          }
          confirmLabel={command === 'attach' ? 'Attach' : 'Move'}
          canConfirm={server !== undefined}
          onConfirm={() => patch({ server })}
        >
          <ServerPicker zone={ip.zone} project={ip.project} exclude={ip.server?.id} value={server} onChange={setServer} />
        </ConfirmDialog>
      )
    case 'detach':
      return (
        <ConfirmDialog
          {...common}
          title={`Detach ${address}?`}
          description={<p>{ip.server?.name} loses this address. The IP stays reserved, and billed, until you release it.</p>}
          confirmLabel="Detach"
          onConfirm={() => patch({ server: null })}
        />
      )
    case 'reverse': {
      const fieldError = reverseError ?? invalidArgumentFor(update.error, 'reverse')
      return (
        <ConfirmDialog
          {...common}
          // The API's refusal of the name goes on the field, not in a panel under it.
          error={fieldError ? null : update.error}
          title={`Reverse DNS of ${address}`}
          description={<p>The name this address resolves back to. It must point to {address} first; leave it empty to go back to the default.</p>}
          confirmLabel="Save reverse DNS"
          onConfirm={async () => {
            const problem = validateReverse(reverse)
            setReverseError(problem)
            if (!problem) await patch({ reverse: reverse.trim().replace(/\.$/, '') || null })
          }}
        >
          <Field
            label="Reverse DNS"
            value={reverse}
            onChange={(e) => {
              setReverse(e.target.value)
              setReverseError(undefined)
              // The API's refusal was about the name as it was; typing starts over.
              update.reset()
            }}
            placeholder="web.example.com"
            error={fieldError}
            autoFocus
          />
        </ConfirmDialog>
      )
    }
    case 'release':
      return (
        <ConfirmDialog
          {...common}
          tone="danger"
          title={`Release ${address}?`}
          description={
            <>
              <p>The address goes back to Scaleway and billing for it stops. You may not get it back.</p>
              {ip.server && (
                <p className="rounded-md border border-amber-200 bg-amber-50 p-2 text-amber-950">
                  It is attached to <strong>{ip.server.name}</strong>, which loses this address.
                </p>
              )}
            </>
          }
          confirmLabel="Release"
          onConfirm={async () => {
            await release.mutateAsync({ zone: ip.zone, id: ip.id })
            onClose()
          }}
        />
      )
  }
}
