import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { ErrorPanel } from '@/components/ui/error-panel'
import { RadioList } from '@/components/ui/radio-list'
import { Tooltip } from '@/components/ui/tooltip'
import type { Server } from '@/features/instances'
import { useScalewayClient } from '@/features/session'
import { ipLabel, ipQueries, type Ip } from '../api/ip-queries'
import { useRefreshWhenAttached } from '../api/use-refresh-when-attached'
import { useUpdateIp } from '../api/use-update-ip'
import { IpActionDialog } from './ip-action-dialog'
import { ipCommandBlocked } from './ip-actions'

/**
 * A server's flexible IPs on its own page, with the same Detach as the IPs list and
 * an "Attach a flexible IP" picking one of the zone's detached IPs of its project.
 */
export function ServerFlexibleIps({ server }: { server: Server }) {
  const client = useScalewayClient()
  const headingId = useId()
  const ips = useQuery(ipQueries.zone(client, server.zone, { type: '', tags: [], project: server.project }))
  const [detaching, setDetaching] = useState<Ip>()
  const [attaching, setAttaching] = useState(false)
  const all = ips.data?.items ?? []
  // Pages still arriving: "none attached" or the choice of free IPs would be premature.
  const loading = ips.isPending || (!ips.data?.complete && ips.isFetching)
  const own = all.filter((ip) => ip.server?.id === server.id)
  const free = all.filter((ip) => !ip.server && ip.state !== 'pending')
  useRefreshWhenAttached(own)

  return (
    <section aria-labelledby={headingId}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          Flexible IPs
        </h2>
        <Button variant="secondary" size="sm" onClick={() => setAttaching(true)}>
          Attach a flexible IP
        </Button>
      </div>
      {ips.isError && !ips.data ? (
        <ErrorPanel error={ips.error} onRetry={() => void ips.refetch()} />
      ) : (
        <ul aria-busy={loading} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {loading && <li className="px-4 py-2.5 text-sm text-slate-500">Loading flexible IPs…</li>}
          {!loading && own.length === 0 && <li className="px-4 py-2.5 text-sm text-slate-500">No flexible IP attached.</li>}
          {own.map((ip) => {
            const blocked = ipCommandBlocked(ip, 'detach')
            return (
              <li key={ip.id} className="flex items-center justify-between gap-2 px-4 py-2">
                <span className="font-mono text-sm">
                  {ipLabel(ip)}{' '}
                  <span className="font-sans text-xs text-slate-500">{ip.state === 'pending' ? 'attaching…' : ip.type === 'routed_ipv6' ? 'IPv6' : 'IPv4'}</span>
                </span>
                <Tooltip content={blocked}>
                  {(describedBy) => (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Detach ${ipLabel(ip)}`}
                      aria-disabled={blocked ? true : undefined}
                      aria-describedby={describedBy}
                      onClick={() => !blocked && setDetaching(ip)}
                    >
                      Detach
                    </Button>
                  )}
                </Tooltip>
              </li>
            )
          })}
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
      <RadioList
        legend="Flexible IP"
        value={picked}
        onChange={setPicked}
        empty={`No detached flexible IP in ${server.zone} for this project.`}
        choices={free.map((ip) => ({ value: ip.id, label: <span className="font-mono">{ipLabel(ip)}</span>, detail: ip.tags.join(', ') || undefined }))}
      />
    </ConfirmDialog>
  )
}
