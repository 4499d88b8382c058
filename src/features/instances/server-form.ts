import { splitList } from '@/lib/search-params'

/** Checked before any request: what the Instance API accepts as a server name (1 to 255 characters). */
export function validateServerName(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name.'
  if (name.length > 255) return 'A name has at most 255 characters.'
  return undefined
}

/** Tags as typed in a field: "web, prod ,, web" → ["web", "prod"]. */
export const parseTags = splitList
