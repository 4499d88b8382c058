import type { InventoryZone } from '../api/use-inventory'

/** "7 of 10 zones answered…", then how the last ones went. */
export function InventoryProgress({ zones }: { zones: InventoryZone[] }) {
  const settled = zones.filter((z) => z.settled).length
  const statuses = zones.flatMap((z) => [z.servers.status, z.ips.status])
  const zonesWith = (status: string) => zones.filter((z) => z.servers.status === status || z.ips.status === status).length
  const failed = zonesWith('failed')
  const forbidden = zonesWith('forbidden')
  const unread = zones.filter((z) => [z.servers.status, z.ips.status].some((s) => s === 'failed' || s === 'forbidden')).length
  const problems = [failed && `${failed} failed`, forbidden && `${forbidden} forbidden`].filter(Boolean).join(', ')
  const text =
    settled < zones.length
      ? `${settled} of ${zones.length} zones answered…` + (statuses.includes('throttled') ? ' (rate limited: retrying by itself)' : '')
      : problems
        ? `${zones.length - unread} of ${zones.length} zones read; ${problems}.`
        : `All ${zones.length} zones answered.`
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-700">
      <progress
        className="h-2 w-40 overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-500"
        max={zones.length}
        value={settled}
        aria-label="Zones answered"
      />
      <p role="status">{text}</p>
    </div>
  )
}
