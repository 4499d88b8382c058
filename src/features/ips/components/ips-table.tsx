import { useCallback, useState } from 'react'
import { Link } from 'react-router'
import { ActionsTrigger, useActionsMenu } from '@/components/ui/actions-menu'
import { Badge } from '@/components/ui/badge'
import { STICKY_RIGHT, Table, Td, Th } from '@/components/ui/table'
import { serverPath } from '@/features/instances'
import { ipLabel, type Ip } from '../api/ip-queries'
import { IpActionDialog } from './ip-action-dialog'
import { IP_COMMANDS, ipCommandBlocked, type IpCommand } from './ip-actions'

const dash = <span className="text-slate-400">—</span>

interface Target {
  ip: Ip
  command: IpCommand
}

/** Flexible IPs with their server, reverse and an Actions menu; one menu and one dialog for the whole table. */
export function IpsTable({ ips, label, projectName }: { ips: Ip[]; label: string; projectName: (id: string) => string | undefined }) {
  const [target, setTarget] = useState<Target | null>(null)
  const menu = useActionsMenu((id) => {
    const ip = ips.find((each) => each.id === id)
    return ip
      ? IP_COMMANDS.map(({ command, label: text, danger }) => ({
          label: text,
          danger,
          disabledReason: ipCommandBlocked(ip, command),
          onSelect: () => setTarget({ ip, command }),
        }))
      : null
  })
  // The dialog gives focus back to the row's Actions button when it closes.
  const close = useCallback(() => setTarget(null), [])
  return (
    <>
      <Table aria-label={label}>
        <thead>
          <tr>
            {['Address', 'Type', 'State', 'Attached server', 'Reverse DNS', 'Tags', 'Project', 'Zone'].map((h) => (
              <Th key={h}>{h}</Th>
            ))}
            <Th className={`${STICKY_RIGHT} bg-slate-50`}>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {ips.map((ip) => (
            <tr key={ip.id} className="hover:bg-slate-50">
              <Td className="font-mono text-xs whitespace-nowrap">{ipLabel(ip)}</Td>
              <Td>
                <Badge tone={ip.type === 'routed_ipv6' ? 'info' : 'neutral'}>{ip.type === 'routed_ipv6' ? 'IPv6' : 'IPv4'}</Badge>
              </Td>
              <Td className="whitespace-nowrap">
                {ip.state === 'attached' ? (
                  <Badge tone="success">attached</Badge>
                ) : ip.state === 'pending' ? (
                  <Badge tone="info">pending…</Badge>
                ) : (
                  <Badge tone="warning" title="A flexible IP is billed while it is reserved, attached or not.">
                    detached · billed while unused
                  </Badge>
                )}
              </Td>
              <Td>
                {ip.server ? (
                  <Link to={serverPath(ip.zone, ip.server.id)} className="text-brand-700 hover:underline">
                    {ip.server.name}
                  </Link>
                ) : (
                  dash
                )}
              </Td>
              <Td className="font-mono text-xs">{ip.reverse || dash}</Td>
              <Td className="text-xs text-slate-600">{ip.tags.length ? ip.tags.join(', ') : dash}</Td>
              <Td className="text-xs">{projectName(ip.project) ?? <span className="font-mono">{ip.project.slice(0, 8)}</span>}</Td>
              <Td className="font-mono text-xs whitespace-nowrap">{ip.zone}</Td>
              <Td className={STICKY_RIGHT}>
                <ActionsTrigger
                  label={`Actions for ${ipLabel(ip)}`}
                  onOpen={(trigger) => menu.open({ id: ip.id, label: `Actions for ${ipLabel(ip)}`, trigger })}
                />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {menu.menu}
      {target && <IpActionDialog ip={target.ip} command={target.command} onClose={close} />}
    </>
  )
}
