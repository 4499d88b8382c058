import { useId, type ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/lib/utils'
import type { StepStatus } from '../walkthrough'

const LOOK: Record<StepStatus, { label: string; tone: 'success' | 'danger' | 'neutral'; dot: string }> = {
  done: { label: 'Done', tone: 'success', dot: 'bg-emerald-600 text-white' },
  failed: { label: 'Failed', tone: 'danger', dot: 'bg-red-600 text-white' },
  waiting: { label: 'Waiting', tone: 'neutral', dot: 'bg-slate-200 text-slate-700' },
}

/** One numbered step of the walkthrough: a region named by its title, with its status (done, failed or waiting). */
export function Step({ number, title, status, children }: { number: number; title: string; status: StepStatus; children: ReactNode }) {
  const id = useId()
  const look = LOOK[status]
  return (
    <li>
      <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-center gap-3">
          <span aria-hidden="true" className={cn('flex size-8 shrink-0 items-center justify-center rounded-full font-semibold', look.dot)}>
            {number}
          </span>
          <h2 id={id} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <Badge tone={look.tone} data-testid="step-status">
            <span className="sr-only">Step {number}: </span>
            {look.label}
          </Badge>
        </div>
        <div className="mt-3 space-y-3 text-sm text-slate-700 sm:pl-11">{children}</div>
      </section>
    </li>
  )
}
