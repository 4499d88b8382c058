import { useState } from 'react'
import { maskSecret } from '@/lib/scaleway/secret-mask'
import { Button } from './button'
import { CopyButton } from './copy-button'

/**
 * A secret key shown as Scaleway's tools show it (first 8 characters, then `-xxxx-…`), with an explicit reveal and
 * a copy that never puts the secret on the page.
 */
export function SecretValue({ secret }: { secret: string }) {
  const [revealed, setRevealed] = useState(false)
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span className="font-mono">{revealed ? secret : maskSecret(secret)}</span>
      <Button variant="ghost" size="sm" aria-pressed={revealed} onClick={() => setRevealed((v) => !v)}>
        {revealed ? 'Hide secret key' : 'Reveal secret key'}
      </Button>
      <CopyButton value={secret} text="Copy secret key" />
    </span>
  )
}
