import { memo } from 'react'
import type { ZoneState } from '@/lib/scaleway/fan-out'
import type { InventoryZone } from '../api/use-inventory'

const unreadable = (state: ZoneState) => state.status === 'failed' || state.status === 'forbidden'

/** "fr-par-2: instances failed", "nl-ams-1: flexible IPs forbidden". */
function problemsOf(zones: InventoryZone[]): string[] {
  return zones.flatMap((z) =>
    [
      unreadable(z.servers) && `${z.zone}: instances ${z.servers.status}`,
      unreadable(z.ips) && `${z.zone}: flexible IPs ${z.ips.status}`,
    ].filter((problem): problem is string => Boolean(problem)),
  )
}

/** "7 of 10 zones answered…", then how the last ones went, naming each list that could not be read. */
export const InventoryProgress = memo(function InventoryProgress({ zones }: { zones: InventoryZone[] }) {
  const settled = zones.filter((z) => z.settled).length
  const complete = settled === zones.length
  const throttled = zones.some((z) => z.servers.status === 'throttled' || z.ips.status === 'throttled')
  const problems = problemsOf(zones)
  const whole = zones.filter((z) => !unreadable(z.servers) && !unreadable(z.ips)).length
  const text = !complete
    ? `${settled} of ${zones.length} zones answered…` + (throttled ? ' (rate limited: retrying by itself)' : '')
    : problems.length
      ? `${whole} of ${zones.length} zones read in full; ${problems.join('; ')}.`
      : `All ${zones.length} zones answered.`
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-slate-700">
      <progress
        className="h-2 w-40 overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-500"
        max={zones.length}
        value={settled}
        aria-label="Zones answered"
      />
      <p>{text}</p>
      {/* Announced once, when every zone has answered, not at each of the twenty steps. */}
      <p role="status" className="sr-only">
        {complete ? text : ''}
      </p>
    </div>
  )
})
