import { useId, type ReactNode } from 'react'
import { cn } from '@/lib/utils'

/**
 * Wraps a control that is switched off and says why on hover and keyboard focus
 * (a tooltip tied by aria-describedby). The control stays focusable: give it
 * `aria-disabled`, not `disabled`, so people can reach it and learn the reason.
 */
export function DisabledReason({
  reason,
  children,
  className,
}: {
  reason: string | undefined
  children: (describedBy: string | undefined) => ReactNode
  className?: string
}) {
  const id = useId()
  if (!reason) return <>{children(undefined)}</>
  return (
    <span className={cn('group relative inline-flex', className)}>
      {children(id)}
      <span
        id={id}
        role="tooltip"
        className="pointer-events-none absolute top-full left-0 z-20 mt-1 hidden w-max max-w-64 rounded bg-slate-900 px-2 py-1 text-xs font-normal whitespace-normal text-white shadow group-focus-within:block group-hover:block"
      >
        {reason}
      </span>
    </span>
  )
}
