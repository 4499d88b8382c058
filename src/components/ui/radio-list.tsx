import { useId, type ReactNode } from 'react'

export interface RadioChoice {
  value: string
  label: ReactNode
  detail?: ReactNode
}

interface RadioListProps {
  legend: string
  choices: readonly RadioChoice[]
  value: string | undefined
  onChange: (value: string) => void
  /** Above the choices: a search field, say. */
  children?: ReactNode
  /** Shown instead of the choices when there are none (or while they load). */
  empty?: ReactNode
  busy?: boolean
}

/** One choice among a short, scrollable list of radio buttons, in a fieldset named by its legend. */
export function RadioList({ legend, choices, value, onChange, children, empty, busy = false }: RadioListProps) {
  const name = useId()
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {children}
      <div aria-busy={busy} className="max-h-60 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-1">
        {choices.length === 0 && <p className="p-2 text-sm text-slate-500">{empty}</p>}
        {choices.map((choice) => (
          <label key={choice.value} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
            <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} className="accent-brand-600" />
            {choice.label}
            {choice.detail && <span className="text-xs text-slate-500">{choice.detail}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
