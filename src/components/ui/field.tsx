import { useId, type ComponentProps, type ReactNode } from 'react'
import { cn } from '@/lib/utils'

interface FieldFrameProps {
  label: string
  description?: ReactNode
  error?: string
  id?: string
  /** Renders the control with the ids and aria attributes the frame wires up. */
  children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode
  className?: string
}

/** Label, description and error around one control, wired through aria attributes. */
function FieldFrame({ label, description, error, id, children, className }: FieldFrameProps) {
  const autoId = useId()
  const controlId = id ?? autoId
  const descriptionId = description ? `${controlId}-description` : undefined
  const errorId = error ? `${controlId}-error` : undefined
  return (
    <div className={cn('space-y-1.5', className)}>
      <label htmlFor={controlId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({
        id: controlId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': [descriptionId, errorId].filter(Boolean).join(' ') || undefined,
      })}
      {description && (
        <p id={descriptionId} className="text-xs text-slate-500">
          {description}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

const controlClass = (error: string | undefined, className?: string) =>
  cn(
    'block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-brand-500 focus:outline-2 focus:outline-brand-500/30 disabled:bg-slate-50 disabled:text-slate-500',
    error && 'border-red-500',
    className,
  )

type FieldProps = ComponentProps<'input'> & {
  label: string
  description?: ReactNode
  error?: string
  /** Wrapper classes (the input takes `className`). */
  fieldClassName?: string
}

/** A labelled input with its description and error wired through aria attributes. */
export function Field({ label, description, error, className, fieldClassName, id, ...props }: FieldProps) {
  return (
    <FieldFrame label={label} description={description} error={error} id={id} className={fieldClassName}>
      {(control) => <input {...control} className={controlClass(error, cn('font-mono', className))} {...props} />}
    </FieldFrame>
  )
}

type SelectFieldProps = ComponentProps<'select'> & {
  label: string
  description?: ReactNode
  error?: string
  fieldClassName?: string
}

export function SelectField({ label, description, error, className, fieldClassName, id, children, ...props }: SelectFieldProps) {
  return (
    <FieldFrame label={label} description={description} error={error} id={id} className={fieldClassName}>
      {(control) => (
        <select {...control} className={controlClass(error, className)} {...props}>
          {children}
        </select>
      )}
    </FieldFrame>
  )
}
