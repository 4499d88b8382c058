/** The tail Scaleway's own tools (the CLI's `scw config`, the console) print after a secret key's first 8 characters. */
const MASK_TAIL = '-xxxx-xxxx-xxxx-xxxxxxxxxxxx'

/**
 * A secret key as Scaleway's tools show it: `11111111-xxxx-xxxx-xxxx-xxxxxxxxxxxx`. Only the first 8 characters
 * survive (never more, whatever the input looks like), so the result is safe to put on screen.
 */
export function maskSecret(secret: string): string {
  return `${secret.trim().slice(0, 8)}${MASK_TAIL}`
}
