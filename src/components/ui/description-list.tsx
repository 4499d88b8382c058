import type { ComponentProps, ReactNode } from 'react'
import { cn } from '@/lib/utils'

export function DescriptionList({ className, ...props }: ComponentProps<'dl'>) {
  return <dl className={cn('divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white', className)} {...props} />
}

export function DescriptionRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 px-4 py-2.5">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="col-span-2 text-sm break-all text-slate-900">{children}</dd>
    </div>
  )
}
