import { useState, type FormEvent, type ReactNode } from 'react'
import { useExclusive } from '@/lib/use-exclusive'
import { Button } from './button'
import { Dialog } from './dialog'
import { ErrorPanel } from './error-panel'
import { Field } from './field'

interface ConfirmDialogProps {
  open: boolean
  onClose: () => void
  title: string
  /** What will happen, and what stays. */
  description: ReactNode
  confirmLabel: string
  tone?: 'primary' | 'danger'
  /** Runs the request; the dialog stays open, busy, until it settles. */
  onConfirm: () => Promise<unknown>
  pending: boolean
  /** The last attempt's error: shown in the dialog, which stays open. */
  error?: unknown
  /** Type-the-name variant: confirming needs this exact text typed. */
  confirmText?: string
  /** Fields of a form dialog (a picker, a name), inside the form before the error. */
  children?: ReactNode
  /** False while what `children` ask for is not chosen yet. */
  canConfirm?: boolean
}

/**
 * Asks before a write (and, with `children`, is the frame of a small form dialog). It stays open while the request runs and when it fails
 * (with Scaleway's message), and sends one request however often it is confirmed.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  description,
  confirmLabel,
  tone = 'primary',
  onConfirm,
  pending,
  error,
  confirmText,
  children,
  canConfirm = true,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('')
  const [confirm, confirming] = useExclusive(onConfirm)
  const busy = pending || confirming
  const matches = (confirmText === undefined || typed === confirmText) && canConfirm
  // A dialog opened again starts empty, however it was closed last time.
  const [wasOpen, setWasOpen] = useState(open)
  if (open !== wasOpen) {
    setWasOpen(open)
    if (!open) setTyped('')
  }

  function close() {
    if (!busy) onClose()
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault()
    if (!matches || busy) return
    void confirm()
  }

  return (
    <Dialog open={open} onClose={close} title={title} description={description} dismissible={!busy}>
      <form noValidate onSubmit={handleSubmit} className="space-y-4">
        {confirmText !== undefined && (
          <Field
            label={`Type “${confirmText}” to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            // Read-only rather than disabled while the request runs: focus stays where it is.
            readOnly={busy}
          />
        )}
        {children}
        {error != null && <ErrorPanel error={error} />}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close} aria-disabled={busy || undefined} autoFocus={confirmText === undefined}>
            Cancel
          </Button>
          <Button type="submit" variant={tone} disabled={!matches} aria-disabled={busy || undefined}>
            {busy ? `${confirmLabel}…` : confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
