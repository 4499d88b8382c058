import { isSettled, type ZoneState, type ZoneStatus } from '@/lib/scaleway/fan-out'
import { describeError } from '@/lib/scaleway/errors'
import { cn } from '@/lib/utils'
import { Badge, type BadgeProps } from './badge'
import { Button } from './button'

const TONE: Record<ZoneStatus, BadgeProps['tone']> = {
  loading: 'neutral',
  throttled: 'warning',
  loaded: 'success',
  empty: 'neutral',
  forbidden: 'warning',
  failed: 'danger',
}

const WORDS: Record<ZoneStatus, string> = {
  loading: 'loading…',
  throttled: 'rate limited, retrying…',
  loaded: 'loaded',
  empty: 'empty',
  forbidden: 'forbidden',
  failed: 'failed',
}

/**
 * One chip per zone of a fan-out: "nl-ams-3: empty", "fr-par-2: failed — Retry".
 * A zone that failed or is forbidden says why, in Scaleway's words, under the chips.
 */
export function ZoneStatusStrip({ zones, noun }: { zones: ZoneState[]; noun: string }) {
  const settled = zones.filter(isSettled).length
  const failed = zones.filter((z) => z.status === 'failed').length
  const forbidden = zones.filter((z) => z.status === 'forbidden').length
  const problems = [failed && `${failed} failed`, forbidden && `${forbidden} forbidden`].filter(Boolean).join(', ')
  const summary =
    settled < zones.length
      ? `${settled} of ${zones.length} zones answered…`
      : problems
        ? `${zones.length - failed - forbidden} of ${zones.length} zones answered; ${problems}.`
        : `All ${zones.length} zones answered.`
  return (
    <section aria-label="Zones" className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
      <p role="status" className="mb-2 text-sm text-slate-700">
        {summary}
      </p>
      <ul className="flex flex-wrap gap-2">
        {zones.map((z) => {
          return (
            <li key={z.zone} className="flex items-center gap-1">
              <Badge tone={TONE[z.status]} className={cn(z.isFetching && 'animate-pulse')}>
                {z.zone}: {WORDS[z.status]}
                {z.status === 'loaded' ? ` (${z.count} ${noun})` : ''}
              </Badge>
              {z.status === 'failed' && (
                <Button variant="ghost" size="sm" className="h-6 px-2 text-xs" onClick={z.refetch} aria-label={`Retry ${z.zone}`}>
                  Retry
                </Button>
              )}
            </li>
          )
        })}
      </ul>
      {zones.some((z) => z.status === 'failed' || z.status === 'forbidden') && (
        <ul className="mt-2 space-y-1 text-xs text-slate-600">
          {zones
            .filter((z) => (z.status === 'failed' || z.status === 'forbidden') && z.error)
            .map((z) => (
              <li key={z.zone}>
                <span className="font-medium">{z.zone}</span>: {describeError(z.error).message}
              </li>
            ))}
        </ul>
      )}
    </section>
  )
}
