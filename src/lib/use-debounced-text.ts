import { useEffect, useState } from 'react'

/** How long typing pauses before the search goes to the URL (and the API). */
const TYPING_DEBOUNCE_MS = 300

/**
 * A text field that writes to the URL once typing pauses, and follows the URL when
 * it changes elsewhere (back button, a link), without undoing what is being typed.
 */
export function useDebouncedText(value: string, normalize: (text: string) => string, commit: (next: string) => void) {
  const [draft, setDraft] = useState(value)
  const [seen, setSeen] = useState(value)
  if (value !== seen) {
    setSeen(value)
    if (normalize(draft) !== value) setDraft(value)
  }
  const pending = normalize(draft) !== value
  useEffect(() => {
    if (!pending) return
    const timer = setTimeout(() => commit(normalize(draft)), TYPING_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [draft, pending, normalize, commit])
  return [draft, setDraft] as const
}
