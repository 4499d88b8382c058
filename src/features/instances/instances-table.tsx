import type { Instancev1 } from '@scaleway/sdk-instance'
import { Link } from 'react-router'
import { Table, Td, Th } from '@/components/ui/table'
import { ServerStateBadge } from './server-state-badge'

function publicAddress(server: Instancev1.Server): string {
  const first = server.publicIps[0]?.address ?? server.publicIp?.address
  return first ?? '—'
}

export function InstancesTable({ servers, zone }: { servers: Instancev1.Server[]; zone: string }) {
  return (
    <Table aria-label={`Instances in ${zone}`}>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>State</Th>
          <Th>Type</Th>
          <Th>Public IP</Th>
          <Th>Tags</Th>
          <Th>Created</Th>
        </tr>
      </thead>
      <tbody>
        {servers.map((server) => (
          <tr key={server.id} className="hover:bg-slate-50">
            <Td className="font-medium whitespace-nowrap">
              <Link
                to={`/instances/${zone}/${server.id}`}
                className="text-brand-700 underline-offset-2 hover:underline"
              >
                {server.name}
              </Link>
              <div className="font-mono text-xs text-slate-500">{server.id.slice(0, 8)}</div>
            </Td>
            <Td>
              <ServerStateBadge state={server.state} detail={server.stateDetail} />
            </Td>
            <Td className="font-mono text-xs">{server.commercialType}</Td>
            <Td className="font-mono text-xs">{publicAddress(server)}</Td>
            <Td className="text-xs text-slate-600">{server.tags.length ? server.tags.join(', ') : '—'}</Td>
            <Td className="text-xs whitespace-nowrap text-slate-600">
              {server.creationDate ? <time dateTime={server.creationDate.toISOString()}>{server.creationDate.toLocaleDateString()}</time> : '—'}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
