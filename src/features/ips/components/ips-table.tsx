import type { Instancev1 } from '@scaleway/sdk-instance'
import { Link } from 'react-router'
import { Badge } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'

export function IpsTable({ ips, zone }: { ips: Instancev1.Ip[]; zone: string }) {
  return (
    <Table aria-label={`Flexible IPs in ${zone}`}>
      <thead>
        <tr>
          <Th>Address</Th>
          <Th>Type</Th>
          <Th>Attached to</Th>
          <Th>Reverse DNS</Th>
          <Th>Tags</Th>
        </tr>
      </thead>
      <tbody>
        {ips.map((ip) => (
          <tr key={ip.id} className="hover:bg-slate-50">
            <Td className="font-mono">{ip.address}</Td>
            <Td>
              <Badge tone={ip.type === 'routed_ipv6' ? 'info' : 'neutral'}>{ip.type.replace('routed_', '')}</Badge>
            </Td>
            <Td>
              {ip.server ? (
                <Link to={`/instances/${zone}/${ip.server.id}`} className="text-brand-700 hover:underline">
                  {ip.server.name}
                </Link>
              ) : (
                <Badge tone="warning">detached</Badge>
              )}
            </Td>
            <Td className="font-mono text-xs">{ip.reverse || '—'}</Td>
            <Td className="text-xs text-slate-600">{ip.tags.length ? ip.tags.join(', ') : '—'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
