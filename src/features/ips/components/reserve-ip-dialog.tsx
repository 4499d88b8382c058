import { useState } from 'react'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Field, SelectField } from '@/components/ui/field'
import { ProjectField } from '@/components/ui/project-field'
import { ZoneField } from '@/components/ui/zone-field'
import { invalidArgumentFor } from '@/lib/scaleway/errors'
import { useProjects } from '@/lib/scaleway/project-queries'
import { splitList } from '@/lib/search-params'
import { useScalewayClient } from '@/features/session'
import type { Ip, IpType } from '../api/ip-queries'
import { useReserveIp } from '../api/use-reserve-ip'

interface ReserveIpDialogProps {
  zone: string
  defaultProject: string | undefined
  onClose: () => void
  onReserved: (ip: Ip) => void
}

/** "Reserve a flexible IP": type, project, tags, zone → POST /ips. */
export function ReserveIpDialog({ zone: initialZone, defaultProject, onClose, onReserved }: ReserveIpDialogProps) {
  const client = useScalewayClient()
  const reserve = useReserveIp(client)
  const projects = useProjects(client)
  const [zone, setZone] = useState(initialZone)
  const [type, setType] = useState<IpType>('routed_ipv4')
  const [project, setProject] = useState(defaultProject ?? '')
  const [tags, setTags] = useState('')
  const projectError = invalidArgumentFor(reserve.error, 'project')

  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title="Reserve a flexible IP"
      description={<p>A flexible IP is billed from now until you release it, attached or not.</p>}
      confirmLabel="Reserve"
      pending={reserve.isPending}
      error={projectError ? null : reserve.error}
      canConfirm={project !== ''}
      onConfirm={async () => {
        const ip = await reserve.mutateAsync({ zone, type, project, tags: splitList(tags) })
        onReserved(ip)
        onClose()
      }}
    >
      <SelectField label="Type" value={type} onChange={(e) => setType(e.target.value as IpType)}>
        <option value="routed_ipv4">IPv4</option>
        <option value="routed_ipv6">IPv6 (a /64 prefix)</option>
      </SelectField>
      <ZoneField value={zone} onChange={setZone} />
      <ProjectField projects={projects} value={project} onChange={setProject} error={projectError} emptyLabel="Choose a project" />
      <Field label="Tags" value={tags} onChange={(e) => setTags(e.target.value)} description="Comma-separated." className="font-sans" />
    </ConfirmDialog>
  )
}
