import { describeError } from '@/lib/scaleway/errors'
import { cn } from '@/lib/utils'
import { Button } from './button'

interface ErrorPanelProps {
  error: unknown
  /** Shown as a "Try again" button when given. */
  onRetry?: () => void
  className?: string
}

/** Scaleway's own message, then what to do next. */
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
      {onRetry && (
        <Button variant="secondary" size="sm" className="mt-3" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  )
}
