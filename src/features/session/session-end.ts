import { Errors } from '@scaleway/sdk-client'

/**
 * Why a session ended, kept in this tab's sessionStorage (a code and Scaleway's reason
 * word, never a key) so the sign-in page can say it, even after a reload.
 */
export type SignOutReason = 'signed-out' | 'expired' | 'rejected' | 'other-tab' | 'copied-tab'

export interface SessionEnd {
  reason: SignOutReason
  /** Scaleway's `reason` of a 401 (`expired`, `not_found`, …), when there was one. */
  detail?: string
}

const END_KEY = 'scw-console.session-end'

const REASONS: readonly SignOutReason[] = ['signed-out', 'expired', 'rejected', 'other-tab', 'copied-tab']

export function rememberSessionEnd(end: SessionEnd): void {
  try {
    window.sessionStorage.setItem(END_KEY, JSON.stringify(end))
  } catch {
    // No storage (private mode quirks): the sign-in page simply says nothing.
  }
}

export function readSessionEnd(): SessionEnd | null {
  try {
    const parsed: unknown = JSON.parse(window.sessionStorage.getItem(END_KEY) ?? 'null')
    if (typeof parsed !== 'object' || parsed === null) return null
    const { reason, detail } = parsed as Record<string, unknown>
    if (!REASONS.includes(reason as SignOutReason)) return null
    return { reason: reason as SignOutReason, detail: typeof detail === 'string' ? detail.slice(0, 64) : undefined }
  } catch {
    return null
  }
}

export function forgetSessionEnd(): void {
  try {
    window.sessionStorage.removeItem(END_KEY)
  } catch {
    // nothing to forget
  }
}

/** A 401 ends the session: an expired key, or one Scaleway no longer accepts (deleted, disabled). */
export function sessionEndFor(error: unknown): SessionEnd | null {
  if (!(error instanceof Errors.ScalewayError) || error.status !== 401) return null
  const detail = error instanceof Errors.DeniedAuthenticationError ? error.reason : undefined
  return { reason: detail === 'expired' ? 'expired' : 'rejected', detail }
}

/** What the sign-in page says, by reason. */
export function describeSessionEnd({ reason, detail }: SessionEnd): { title: string; body: string } | null {
  switch (reason) {
    case 'expired':
      return {
        title: 'Your API key expired',
        body: 'Scaleway answered 401 (expired), so the console signed this tab out and forgot the secret. Generate a new key in the Scaleway console (IAM › API keys), then sign in with it: you will be taken back to the page you were on.',
      }
    case 'rejected':
      return {
        title: 'Key not accepted',
        body: `Scaleway answered 401${detail ? ` (${detail})` : ''}: the key was deleted, disabled, or its secret does not match any more. The console signed this tab out and forgot the secret. Sign in with a valid key to go back to the page you were on.`,
      }
    case 'other-tab':
      return {
        title: 'Signed out in another tab',
        body:
          detail === 'expired'
            ? 'Another tab of this console found that its API key expired, and signed every tab out. If this tab used the same key, generate a new one (IAM › API keys); then sign in again to continue here.'
            : detail === 'rejected'
              ? 'Scaleway stopped accepting the key of another tab of this console (deleted or disabled), which signed every tab out. Sign in again to continue here.'
              : 'Signing out (or a key Scaleway stops accepting) signs out every tab of this console. Sign in again to continue here.',
      }
    case 'copied-tab':
      return {
        title: 'This tab was opened from a signed-in tab',
        body: 'A key is never handed from one tab to another: sign in here too, or go back to the tab you came from.',
      }
    case 'signed-out':
      return null
  }
}
