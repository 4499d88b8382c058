import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { CopyButton } from '@/components/ui/copy-button'
import { DescriptionList, DescriptionRow } from '@/components/ui/description-list'
import { Table, Td, Th } from '@/components/ui/table'
import { formatBytes, formatExact } from '@/lib/format'
import { useProjects } from '@/lib/scaleway/project-queries'
import { useScalewayClient } from '@/features/session'
import { catalogQueries } from '../api/catalog-queries'
import type { Server } from '../api/instance-queries'
import { useServerVolumes } from '../api/use-server-volumes'

function Id({ value, label }: { value: string; label: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className="font-mono">{value}</span>
      <CopyButton value={value} aria-label={`Copy ${label}`} className="h-6 px-2 text-xs" />
    </span>
  )
}

const date = (d: Date | undefined): ReactNode => (d ? <time dateTime={d.toISOString()}>{formatExact(d)}</time> : '—')

/** What a server is: ids, type, image, project, dates, what it may do now. */
export function InstanceOverview({ server: s }: { server: Server }) {
  const projects = useProjects(useScalewayClient())
  const projectName = projects.nameOf(s.project)
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="mb-2 text-base font-semibold text-slate-900">
        Overview
      </h2>
      <DescriptionList>
        <DescriptionRow label="Server id"><Id value={s.id} label="server id" /></DescriptionRow>
        <DescriptionRow label="Commercial type">{s.commercialType} ({s.arch})</DescriptionRow>
        <DescriptionRow label="Image">
          {s.image ? <>{s.image.name} <span className="font-mono text-xs text-slate-500">{s.image.id}</span></> : '—'}
        </DescriptionRow>
        <DescriptionRow label="Project">
          {projectName && <span className="mr-2 font-medium">{projectName}</span>}
          <Id value={s.project} label="project id" />
        </DescriptionRow>
        <DescriptionRow label="Organization"><Id value={s.organization} label="organization id" /></DescriptionRow>
        <DescriptionRow label="Zone">{s.zone}</DescriptionRow>
        <DescriptionRow label="Protection">{s.protected ? 'On: lifecycle changes and deletion are refused' : 'Off'}</DescriptionRow>
        <DescriptionRow label="Boot type">{s.bootType}</DescriptionRow>
        <DescriptionRow label="Tags">{s.tags.length ? s.tags.join(', ') : '—'}</DescriptionRow>
        <DescriptionRow label="Created">{date(s.creationDate)}</DescriptionRow>
        <DescriptionRow label="Modified">{date(s.modificationDate)}</DescriptionRow>
        <DescriptionRow label="Allowed actions">{s.allowedActions.length ? s.allowedActions.join(', ') : 'none'}</DescriptionRow>
      </DescriptionList>
    </section>
  )
}

/** Public and private addresses, security group, placement group. */
export function InstanceNetwork({ server: s }: { server: Server }) {
  const client = useScalewayClient()
  const group = useQuery(catalogQueries.securityGroup(client, s.zone, s.securityGroup?.id))
  return (
    <section aria-labelledby="network-heading">
      <h2 id="network-heading" className="mb-2 text-base font-semibold text-slate-900">
        Network
      </h2>
      <DescriptionList>
        <DescriptionRow label="Public IPs">
          {s.publicIps.length
            ? s.publicIps.map((ip) => (
                <div key={ip.id} className="font-mono">
                  {ip.address} <span className="font-sans text-xs text-slate-500">{ip.family === 'inet6' ? 'IPv6' : 'IPv4'}, {ip.dynamic ? 'dynamic' : 'flexible'}</span>
                </div>
              ))
            : 'None'}
        </DescriptionRow>
        <DescriptionRow label="Private IP">{s.privateIp ?? '—'}</DescriptionRow>
        <DescriptionRow label="Private networks">{s.privateNics.length ? `${s.privateNics.length} attached` : 'None'}</DescriptionRow>
        <DescriptionRow label="Security group">
          {s.securityGroup ? (
            <>
              <span>{group.data?.name ?? s.securityGroup.name}</span>
              {group.data && (
                <span className="block text-xs text-slate-500">
                  Inbound {group.data.inboundDefaultPolicy} by default, outbound {group.data.outboundDefaultPolicy}
                  {group.data.stateful ? ', stateful' : ''}
                </span>
              )}
            </>
          ) : (
            '—'
          )}
        </DescriptionRow>
        <DescriptionRow label="Placement group">{s.placementGroup?.name ?? 'None'}</DescriptionRow>
      </DescriptionList>
    </section>
  )
}

/** Volumes with name, type and size (block volumes read from the Block Storage API). */
export function InstanceVolumes({ server }: { server: Server }) {
  const volumes = useServerVolumes(useScalewayClient(), server)
  return (
    <section aria-labelledby="volumes-heading">
      <h2 id="volumes-heading" className="mb-2 text-base font-semibold text-slate-900">
        Volumes
      </h2>
      <Table aria-labelledby="volumes-heading">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Type</Th>
            <Th>Size</Th>
            <Th>Storage</Th>
          </tr>
        </thead>
        <tbody>
          {volumes.map((v) => (
            <tr key={v.id}>
              <Td>
                {v.name ?? (v.isLoading ? 'Loading…' : <span className="font-mono text-xs">{v.id}</span>)}
                {v.error && <span className="block text-xs text-red-700">Could not read it from Block Storage.</span>}
              </Td>
              <Td className="font-mono text-xs">{v.type}</Td>
              <Td>{v.size !== undefined ? formatBytes(v.size) : '—'}</Td>
              <Td className="text-xs text-slate-600">{v.kind === 'block' ? 'Block Storage (kept on terminate)' : 'Local (deleted on terminate)'}</Td>
            </tr>
          ))}
          {volumes.length === 0 && (
            <tr>
              <Td colSpan={4} className="text-slate-500">No volume.</Td>
            </tr>
          )}
        </tbody>
      </Table>
    </section>
  )
}
