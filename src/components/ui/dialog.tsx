import { useId, useLayoutEffect, useRef, type ComponentProps, type ReactNode } from 'react'
import { cn } from '@/lib/utils'

type DialogProps = Omit<ComponentProps<'dialog'>, 'open' | 'title'> & {
  open: boolean
  /** Escape, the close button or the caller: the parent decides (`open` is controlled). */
  onClose: () => void
  title: ReactNode
  description?: ReactNode
  /** While false (a request is running), Escape does not close the dialog. */
  dismissible?: boolean
}

/**
 * A modal on the native <dialog> with showModal(): the rest of the page is inert
 * (focus stays inside), Escape closes it, focus goes back where it was, and it is
 * named by its title and described by its description.
 */
export function Dialog({ open, onClose, title, description, dismissible = true, className, children, ...props }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  // Shown while `open`. Closed as `open` turns false, and also when it leaves the page while open (the caller stops
  // rendering it): the browser then gives focus back to what had it before (the button that opened it). Focusing it
  // by hand while the modal is up cannot work: the rest of the page is inert until it closes. A layout effect's
  // cleanup runs before the element leaves the page; development mode's second run and a Suspense boundary shown again
  // close it and show it again. The `close` event such a cleanup causes is not the user closing it.
  const closedByCleanup = useRef(false)
  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    if (!dialog.open) dialog.showModal()
    return () => {
      if (!dialog.open) return
      closedByCleanup.current = true
      dialog.close()
    }
  }, [open])

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault()
        if (dismissible) onClose()
      }}
      // The browser may still close it (a second Escape); keep `open` in step.
      onClose={() => {
        if (closedByCleanup.current) closedByCleanup.current = false
        else if (open) onClose()
      }}
      className={cn(
        'm-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl',
        className,
      )}
      {...props}
    >
      {open && (
        <div className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className="space-y-2 text-sm text-slate-700">
              {description}
            </div>
          )}
          {children}
        </div>
      )}
    </dialog>
  )
}
