import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { ErrorPanel } from '@/components/ui/error-panel'
import type { Server } from '@/features/instances'
import { useScalewayClient } from '@/features/session'
import { ipLabel, ipQueries, type Ip } from '../api/ip-queries'
import { useUpdateIp } from '../api/use-update-ip'
import { IpActionDialog } from './ip-action-dialog'

/**
 * A server's flexible IPs on its own page, with the same Detach as the IPs list and
 * an "Attach a flexible IP" picking one of the zone's detached IPs of its project.
 */
export function ServerFlexibleIps({ server }: { server: Server }) {
  const client = useScalewayClient()
  const ips = useQuery(ipQueries.zone(client, server.zone, { type: '', tags: [], project: server.project }))
  const [detaching, setDetaching] = useState<Ip>()
  const [attaching, setAttaching] = useState(false)
  const own = (ips.data ?? []).filter((ip) => ip.server?.id === server.id)
  const free = (ips.data ?? []).filter((ip) => !ip.server && ip.state !== 'pending')

  return (
    <section aria-labelledby="flexible-ips-heading">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id="flexible-ips-heading" className="text-base font-semibold text-slate-900">
          Flexible IPs
        </h2>
        <Button variant="secondary" size="sm" onClick={() => setAttaching(true)}>
          Attach a flexible IP
        </Button>
      </div>
      {ips.isError ? (
        <ErrorPanel error={ips.error} onRetry={() => void ips.refetch()} />
      ) : (
        <ul aria-busy={ips.isPending} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {ips.isPending && <li className="px-4 py-2.5 text-sm text-slate-500">Loading flexible IPs…</li>}
          {!ips.isPending && own.length === 0 && <li className="px-4 py-2.5 text-sm text-slate-500">No flexible IP attached.</li>}
          {own.map((ip) => (
            <li key={ip.id} className="flex items-center justify-between gap-2 px-4 py-2">
              <span className="font-mono text-sm">
                {ipLabel(ip)} <span className="font-sans text-xs text-slate-500">{ip.state === 'pending' ? 'attaching…' : ip.type === 'routed_ipv6' ? 'IPv6' : 'IPv4'}</span>
              </span>
              <Button variant="ghost" size="sm" onClick={() => setDetaching(ip)} aria-label={`Detach ${ipLabel(ip)}`} aria-disabled={ip.state === 'pending' || undefined}>
                Detach
              </Button>
            </li>
          ))}
        </ul>
      )}
      {detaching && <IpActionDialog ip={detaching} command="detach" onClose={() => setDetaching(undefined)} />}
      {attaching && <AttachIpDialog server={server} free={free} onClose={() => setAttaching(false)} />}
    </section>
  )
}

function AttachIpDialog({ server, free, onClose }: { server: Server; free: Ip[]; onClose: () => void }) {
  const update = useUpdateIp(useScalewayClient())
  const [picked, setPicked] = useState<string>()
  const legend = useId()
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={`Attach a flexible IP to ${server.name}`}
      description={<p>Detached IPs of this server's project in {server.zone}. Reserve one on the Flexible IPs page if none is free.</p>}
      confirmLabel="Attach"
      canConfirm={picked !== undefined}
      pending={update.isPending}
      error={update.error}
      onConfirm={async () => {
        await update.mutateAsync({ zone: server.zone, id: picked ?? '', patch: { server: server.id } })
        onClose()
      }}
    >
      <fieldset aria-labelledby={legend} className="space-y-1">
        <legend id={legend} className="text-sm font-medium text-slate-800">
          Flexible IP
        </legend>
        {free.length === 0 && <p className="text-sm text-slate-500">No detached flexible IP in {server.zone} for this project.</p>}
        {free.map((ip) => (
          <label key={ip.id} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
            <input type="radio" name={legend} value={ip.id} checked={picked === ip.id} onChange={() => setPicked(ip.id)} className="accent-brand-600" />
            <span className="font-mono">{ipLabel(ip)}</span>
            {ip.tags.length > 0 && <span className="text-xs text-slate-500">{ip.tags.join(', ')}</span>}
          </label>
        ))}
      </fieldset>
    </ConfirmDialog>
  )
}
