import { Link, useInRouterContext } from 'react-router'
import { describeError, isNetworkError } from '@/lib/scaleway/errors'
import { statusGuideHref, statusGuideRow } from '@/lib/scaleway/status-guide'
import { cn } from '@/lib/utils'
import { Button } from './button'

interface ErrorPanelProps {
  error: unknown
  /** Shown as a "Try again" button when given. */
  onRetry?: () => void
  className?: string
}

const linkClass = 'mt-2 inline-block text-sm font-medium text-red-900 underline underline-offset-2 hover:text-red-700'

/** The row of the status-code guide that explains this answer (a client-side link inside the router). */
function GuideLink({ status, network }: { status?: number; network: boolean }) {
  const inRouter = useInRouterContext()
  const row = status !== undefined ? statusGuideRow(status) : network ? statusGuideRow(undefined) : null
  if (!row) return null
  const text = row.code === 'network' ? 'What “no answer” means' : `What HTTP ${row.code} means`
  const href = statusGuideHref(row)
  return inRouter ? <Link to={href} className={linkClass}>{text}</Link> : <a href={href} className={linkClass}>{text}</a>
}

/** Scaleway's own message, then what to do next, and the guide's row for the status. */
export function ErrorPanel({ error, onRetry, className }: ErrorPanelProps) {
  const { title, message, hint, status } = describeError(error)
  return (
    <div role="alert" className={cn('rounded-lg border border-red-200 bg-red-50 p-4 text-sm', className)}>
      <p className="font-semibold text-red-900">
        {title}
        {status ? <span className="ml-2 font-mono text-xs font-normal text-red-700">HTTP {status}</span> : null}
      </p>
      <p className="mt-1 text-red-900">{message}</p>
      <p className="mt-1 text-red-800">{hint}</p>
      <GuideLink status={status} network={isNetworkError(error)} />
      {onRetry && (
        <div>
          <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
            Try again
          </Button>
        </div>
      )}
    </div>
  )
}
