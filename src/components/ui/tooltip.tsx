import { useId, type ReactNode } from 'react'
import { cn } from '@/lib/utils'

/**
 * A short text shown on hover and keyboard focus of its child, and tied to it by
 * aria-describedby (the child gets the id). Used for why a control is switched off
 * (give the control `aria-disabled`, not `disabled`, so it stays reachable) and for
 * a badge's detail.
 */
export function Tooltip({
  content,
  children,
  className,
}: {
  content: ReactNode
  children: (describedBy: string | undefined) => ReactNode
  className?: string
}) {
  const id = useId()
  // The same wrapper with or without a tip: a list row reused for another item (or a tip that comes and goes) keeps
  // its child instead of building it again.
  return (
    <span className={cn('group relative inline-flex', className)}>
      {children(content ? id : undefined)}
      {content && (
        <span
          id={id}
          role="tooltip"
          className="pointer-events-none absolute top-full left-0 z-20 mt-1 hidden w-max max-w-64 rounded bg-slate-900 px-2 py-1 text-xs font-normal whitespace-normal text-white shadow group-focus-within:block group-hover:block"
        >
          {content}
        </span>
      )}
    </span>
  )
}
