import { useEffect, useState } from 'react'
import { Button, type ButtonProps } from './button'

type CopyButtonProps = Omit<ButtonProps, 'onClick' | 'children'> & {
  /** What lands on the clipboard. */
  value: string
  /** The visible text ("Copy as curl"); "Copy" when the accessible name comes from aria-label. */
  text?: string
}

/** Copies a value and says so for a moment (announced to screen readers). */
export function CopyButton({ value, text = 'Copy', variant = 'ghost', size = 'sm', ...props }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2_000)
    return () => clearTimeout(timer)
  }, [state])
  return (
    <Button
      variant={variant}
      size={size}
      onClick={() =>
        navigator.clipboard.writeText(value).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
      {...props}
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : text}</span>
    </Button>
  )
}
