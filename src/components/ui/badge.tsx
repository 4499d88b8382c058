import { cva, type VariantProps } from 'class-variance-authority'
import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'

export const badgeVariants = cva(
  'inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap',
  {
    variants: {
      tone: {
        neutral: 'bg-slate-100 text-slate-700',
        success: 'bg-emerald-50 text-emerald-800 ring-1 ring-emerald-600/20',
        warning: 'bg-amber-50 text-amber-800 ring-1 ring-amber-600/20',
        danger: 'bg-red-50 text-red-800 ring-1 ring-red-600/20',
        info: 'bg-sky-50 text-sky-800 ring-1 ring-sky-600/20',
      },
    },
    defaultVariants: { tone: 'neutral' },
  },
)

export type BadgeProps = ComponentProps<'span'> & VariantProps<typeof badgeVariants>

export function Badge({ className, tone, ...props }: BadgeProps) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />
}
