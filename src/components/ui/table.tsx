import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={cn('w-full text-left text-sm', className)} {...props} />
    </div>
  )
}

export function Th({ className, ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope="col"
      className={cn('border-b border-slate-200 bg-slate-50 px-3 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase', className)}
      {...props}
    />
  )
}

/** A table's last column, kept in reach while a narrow screen scrolls the table sideways (a row's actions). */
export const STICKY_RIGHT = 'sticky right-0 bg-white text-right shadow-[-8px_0_8px_-8px_rgb(0_0_0/0.15)]'

/** A body cell's classes, with `className` over them: a long list computes each column's once (see `Td`). */
export const tdClass = (className?: string) => cn('border-b border-slate-100 px-3 py-2.5 align-middle text-slate-800', className)

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return <td className={tdClass(className)} {...props} />
}
