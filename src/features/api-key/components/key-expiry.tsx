import { Badge } from '@/components/ui/badge'
import { formatExact, formatRelative } from '@/lib/format'
import { useNow } from '@/lib/use-now'
import { expiryState, formatCountdown } from '../expiry'

/** Never, a date, a ticking countdown in the last 7 days, or a clear "Expired". */
export function KeyExpiry({ expiresAt }: { expiresAt: Date | undefined }) {
  // Every second: the countdown of the last days ticks, and the switch to "Expired" comes on time.
  const now = useNow(1_000)
  const state = expiryState(expiresAt, now)
  if (!expiresAt || state === 'never') {
    return (
      <span className="flex flex-wrap items-center gap-2">
        <Badge>Never</Badge>
        <span className="text-xs text-slate-500">No expiry: give keys used by scripts one.</span>
      </span>
    )
  }
  const date = formatExact(expiresAt)
  if (state === 'expired') {
    return (
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone="danger">Expired</Badge>
        <span>{formatRelative(expiresAt, now)} ({date}): every call with it answers 401. Generate a new key.</span>
      </span>
    )
  }
  if (state === 'soon') {
    return (
      <span role="status" className="flex flex-wrap items-center gap-2">
        <Badge tone="warning">Expires soon</Badge>
        <span>
          in <span className="font-mono tabular-nums">{formatCountdown(expiresAt.getTime() - now)}</span> ({date}). Generate its
          replacement now.
        </span>
      </span>
    )
  }
  return (
    <span>
      {formatRelative(expiresAt, now)} <span className="text-slate-500">({date})</span>
    </span>
  )
}
