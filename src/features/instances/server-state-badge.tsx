import type { Instancev1 } from '@scaleway/sdk-instance'
import { Badge, type BadgeProps } from '@/components/ui/badge'

const TONES: Record<Instancev1.ServerState, BadgeProps['tone']> = {
  running: 'success',
  stopped: 'neutral',
  'stopped in place': 'neutral',
  starting: 'info',
  stopping: 'warning',
  locked: 'danger',
}

export function ServerStateBadge({ state, detail }: { state: Instancev1.ServerState; detail?: string }) {
  const transitional = state === 'starting' || state === 'stopping'
  return (
    <Badge tone={TONES[state] ?? 'neutral'} title={detail || undefined}>
      <span
        aria-hidden="true"
        className={`size-1.5 rounded-full bg-current ${transitional ? 'animate-pulse' : ''}`}
      />
      {state}
    </Badge>
  )
}
