import type { ReactNode } from 'react'
import { CopyButton } from './copy-button'

interface CodeBlockProps {
  /** Names the block and its copy button ("Copy the export lines"). */
  label: string
  /** What is shown (may be masked). */
  children: ReactNode
  /** What the copy button puts on the clipboard (the unmasked text); never rendered. */
  copyValue: string
}

/** A labelled shell snippet with a copy button. The clipboard gets `copyValue`, the page shows `children`. */
export function CodeBlock({ label, children, copyValue }: CodeBlockProps) {
  return (
    <figure className="rounded-md bg-slate-900 text-slate-100">
      <figcaption className="flex items-center justify-between gap-2 border-b border-slate-700 px-3 py-1.5 text-xs text-slate-300">
        <span>{label}</span>
        <CopyButton value={copyValue} aria-label={`Copy: ${label}`} className="h-7 text-slate-200 hover:bg-slate-700 hover:text-white" />
      </figcaption>
      <pre tabIndex={0} className="focus-visible:outline-2 focus-visible:outline-brand-500 overflow-x-auto px-3 py-2 font-mono text-xs leading-relaxed">{children}</pre>
    </figure>
  )
}
