import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { describeError } from '@/lib/scaleway/errors'
import type { CheckResult, CheckState } from '../api/check-queries'

const LOOK: Record<CheckState, { label: string; tone: 'neutral' | 'success' | 'warning' | 'danger' }> = {
  checking: { label: 'Checking…', tone: 'neutral' },
  allowed: { label: 'Allowed', tone: 'success' },
  denied: { label: 'Denied', tone: 'warning' },
  failed: { label: 'Failed', tone: 'danger' },
}

/** One call's verdict: allowed (with what it saw), denied with Scaleway's 403 message, or failed with a Retry. */
/** `noun`: what the call lists, singular and plural ("server", "servers"). */
export function CheckCell({ result, noun, name }: { result: CheckResult; noun?: [string, string]; name: string }) {
  const look = LOOK[result.state]
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Badge tone={look.tone} className={result.state === 'checking' ? 'animate-pulse' : undefined}>
        {look.label}
      </Badge>
      {result.state === 'allowed' && noun && result.total !== undefined && (
        <span className="text-xs text-slate-600">
          {result.total} {result.total === 1 ? noun[0] : noun[1]}
        </span>
      )}
      {(result.state === 'denied' || result.state === 'failed') && result.error && (
        <span className="text-xs text-slate-700">{describeError(result.error).message}</span>
      )}
      {result.state === 'failed' && (
        <Button variant="ghost" size="sm" className="h-6 px-2 text-xs" onClick={result.retry} aria-label={`Retry: ${name}`}>
          Retry
        </Button>
      )}
    </div>
  )
}
