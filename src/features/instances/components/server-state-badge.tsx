import { Badge, type BadgeProps } from '@/components/ui/badge'
import { Tooltip } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'
import { isMoving, type ServerState } from '../api/instance-queries'

const TONES: Record<ServerState, BadgeProps['tone']> = {
  running: 'success',
  stopped: 'neutral',
  'stopped in place': 'neutral',
  starting: 'info',
  stopping: 'warning',
  locked: 'danger',
}

/**
 * The state as a coloured badge; `state_detail` ("provisioning node") on hover and
 * keyboard focus, and always written out while the server moves.
 */
interface ServerStateBadgeProps {
  state: ServerState
  detail?: string
  showDetail?: boolean
  /** The detail stays beside the badge (a table row keeps one line) instead of wrapping under it. */
  oneLine?: boolean
}

export function ServerStateBadge({ state, detail, showDetail = false, oneLine = false }: ServerStateBadgeProps) {
  const moving = isMoving({ state })
  return (
    <span className={cn('inline-flex items-center gap-x-2 gap-y-0.5', oneLine ? 'whitespace-nowrap' : 'flex-wrap')}>
      <Tooltip content={detail}>
        {(describedBy) => (
          // Focusable only when there is a detail to show on focus.
          <Badge tone={TONES[state] ?? 'neutral'} tabIndex={detail ? 0 : undefined} aria-describedby={describedBy}>
            <span aria-hidden="true" className={cn('size-1.5 rounded-full bg-current', moving && 'animate-ping')} />
            {state}
          </Badge>
        )}
      </Tooltip>
      {detail && (moving || showDetail) && (
        <span className="text-xs text-slate-500" aria-hidden="true">
          {detail}
          {moving && '…'}
        </span>
      )}
    </span>
  )
}
