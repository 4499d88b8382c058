/**
 * "Export CSV" and "Export JSON": every server and flexible IP the inventory fetched,
 * one row each with its zone and project, built in the browser (nothing is asked again).
 */
import type { Server } from '@/features/instances'
import { ipLabel, type Ip } from '@/features/ips'
import { imageOf, isAttached } from './inventory-model'

export const EXPORT_COLUMNS = [
  'resource', 'zone', 'id', 'name', 'state', 'type', 'image', 'address', 'attached_to', 'project_id', 'project_name', 'tags', 'created',
] as const

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string> & { tags_list: string[] }

export interface ExportInput {
  servers: readonly Server[]
  ips: readonly Ip[]
  projectName: (id: string) => string | undefined
}

function serverRow(server: Server, projectName: ExportInput['projectName']): ExportRow {
  const addresses = [...server.publicIps.map((ip) => ip.address), server.privateIp ?? ''].filter(Boolean)
  return {
    resource: 'server',
    zone: server.zone,
    id: server.id,
    name: server.name,
    state: server.state,
    type: server.commercialType,
    image: imageOf(server),
    address: addresses.join(' '),
    attached_to: '',
    project_id: server.project,
    project_name: projectName(server.project) ?? '',
    tags: server.tags.join(' '),
    tags_list: server.tags,
    created: server.creationDate?.toISOString() ?? '',
  }
}

function ipRow(ip: Ip, projectName: ExportInput['projectName']): ExportRow {
  return {
    resource: 'flexible_ip',
    zone: ip.zone,
    id: ip.id,
    name: ip.reverse ?? '',
    state: isAttached(ip) ? 'attached' : 'detached',
    type: ip.type,
    image: '',
    address: ipLabel(ip),
    attached_to: ip.server ? `${ip.server.name} (${ip.server.id})` : '',
    project_id: ip.project,
    project_name: projectName(ip.project) ?? '',
    tags: ip.tags.join(' '),
    tags_list: ip.tags,
    created: '',
  }
}

export const exportRows = ({ servers, ips, projectName }: ExportInput): ExportRow[] => [
  ...servers.map((server) => serverRow(server, projectName)),
  ...ips.map((ip) => ipRow(ip, projectName)),
]

/**
 * One CSV cell (RFC 4180: quoted when it holds a comma, quote or line break). A cell a
 * spreadsheet would read as a formula (a server named `=HYPERLINK(…)`) gets a leading `'`.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(','), ...rows.map((row) => EXPORT_COLUMNS.map((column) => csvCell(row[column])).join(','))]
  return `${lines.join('\r\n')}\r\n`
}

/** The JSON export says which zones are missing, so a partial inventory is never mistaken for a whole one. */
export function toJson(rows: readonly ExportRow[], unreadZones: readonly string[], generatedAt: Date): string {
  const records = rows.map(({ tags_list, ...row }) => ({ ...row, tags: tags_list }))
  return JSON.stringify(
    {
      generated_at: generatedAt.toISOString(),
      unread_zones: unreadZones,
      servers: records.filter((r) => r.resource === 'server'),
      flexible_ips: records.filter((r) => r.resource === 'flexible_ip'),
    },
    null,
    2,
  )
}

/** Hands the text to the browser as a download (a Blob URL, revoked once used). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
