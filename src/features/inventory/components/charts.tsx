import { useId, type ReactNode } from 'react'
import { Link } from 'react-router'
import { cn } from '@/lib/utils'

export interface Datum {
  label: string
  value: number
  /** Where the slice or bar leads (the filtered list), when such a view exists. */
  to?: string
  /** Its colour: a text colour class for the SVG (drawn with currentColor) and a background class for the legend dot. */
  color?: string
  dot?: string
  /** Extra words after the value ("12 servers · 3 IPs"). */
  detail?: string
}

function Label({ datum }: { datum: Datum }) {
  return datum.to ? (
    <Link to={datum.to} className="text-brand-700 hover:underline">
      {datum.label}
    </Link>
  ) : (
    <>{datum.label}</>
  )
}

function ChartFrame({ title, children, empty }: { title: string; children: ReactNode; empty: boolean }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="text-sm font-semibold text-slate-900">{title}</figcaption>
      {empty ? <p className="mt-2 text-sm text-slate-500">Nothing to chart.</p> : children}
    </figure>
  )
}

/**
 * Horizontal bars, plain SVG. The text beside each bar (label and value) is the
 * chart's text equivalent: the bars themselves are hidden from screen readers.
 */
export function BarChart({ title, data }: { title: string; data: Datum[] }) {
  const max = Math.max(1, ...data.map((d) => d.value))
  return (
    <ChartFrame title={title} empty={data.length === 0}>
      <ul className="mt-3 space-y-2">
        {data.map((d) => (
          <li key={d.label} className="grid grid-cols-[minmax(0,11rem)_minmax(0,1fr)_auto] items-center gap-2 text-sm">
            <span className="truncate" title={d.label}>
              <Label datum={d} />
            </span>
            <svg aria-hidden="true" className="h-3 w-full" preserveAspectRatio="none" viewBox="0 0 100 10">
              <rect width="100" height="10" rx="2" className="fill-slate-100" />
              <rect width={(d.value / max) * 100} height="10" rx="2" className={cn('fill-current', d.color ?? 'text-brand-500')} />
            </svg>
            <span className="text-right whitespace-nowrap tabular-nums text-slate-700">
              {d.value}
              {d.detail && <span className="text-slate-500"> ({d.detail})</span>}
            </span>
          </li>
        ))}
      </ul>
    </ChartFrame>
  )
}

const RADIUS = 15.9155 // a circumference of 100: dash lengths are percentages

/** A ring of slices with a legend; the SVG carries a summary label, the legend the figures. */
export function DonutChart({ title, data, centre }: { title: string; data: Datum[]; centre: string }) {
  const id = useId()
  const total = data.reduce((sum, d) => sum + d.value, 0)
  const shown = data.filter((d) => d.value > 0)
  const lengths = shown.map((d) => (d.value / Math.max(1, total)) * 100)
  // Each slice starts where the previous ended, from twelve o'clock (an offset of 25).
  const slices = shown.map((d, i) => ({ ...d, length: lengths[i] as number, offset: 25 - lengths.slice(0, i).reduce((a, b) => a + b, 0) }))
  return (
    <ChartFrame title={title} empty={total === 0}>
      <div className="mt-3 flex flex-wrap items-center gap-4">
        <svg role="img" aria-labelledby={`${id}-desc`} viewBox="0 0 42 42" className="size-32 shrink-0">
          <desc id={`${id}-desc`}>{`${title}: ${data.map((d) => `${d.label} ${d.value}`).join(', ')}`}</desc>
          <circle cx="21" cy="21" r={RADIUS} fill="none" strokeWidth="6" className="stroke-slate-100" />
          {slices.map((s) => (
            <circle
              key={s.label}
              cx="21"
              cy="21"
              r={RADIUS}
              fill="none"
              strokeWidth="6"
              strokeDasharray={`${s.length} ${100 - s.length}`}
              strokeDashoffset={s.offset}
              className={cn('stroke-current', s.color ?? 'text-brand-500')}
            />
          ))}
          <text x="21" y="23.5" textAnchor="middle" className="fill-slate-900 text-[7px] font-semibold">
            {centre}
          </text>
        </svg>
        <ul className="space-y-1 text-sm">
          {data.map((d) => (
            <li key={d.label} className="flex items-center gap-2">
              <span aria-hidden="true" className={cn('size-2.5 rounded-full', d.dot ?? 'bg-brand-500')} />
              <Label datum={d} />
              <span className="tabular-nums text-slate-700">{d.value}</span>
            </li>
          ))}
        </ul>
      </div>
    </ChartFrame>
  )
}
