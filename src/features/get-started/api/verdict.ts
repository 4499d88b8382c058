import { Errors } from '@scaleway/sdk-client'
import type { ExchangeResult } from '@/lib/scaleway/exchange'
import { describeError, isNetworkError } from '@/lib/scaleway/errors'

export interface Verdict {
  tone: 'success' | 'warning' | 'danger'
  title: string
  text: string
  /** Scaleway checked the secret and found the key: it can sign in (200, or 403 when it may not read IAM). */
  authenticated: boolean
}

/** What the test's answer means, by status, in words a new user can act on. */
export function verdictOf(result: ExchangeResult<unknown>): Verdict {
  if (result.ok) {
    return { tone: 'success', authenticated: true, title: 'It works: Scaleway knows this key', text: 'IAM answered with the key’s record. The fields below say who it acts for and where it creates things.' }
  }
  const { error } = result
  if (isNetworkError(error)) {
    return { tone: 'danger', authenticated: false, title: 'No answer: the API could not be reached', text: 'Nothing answered the call: the network, the /api proxy or the API behind it is down. The key was not checked. Try again in a moment.' }
  }
  if (error instanceof Errors.DeniedAuthenticationError && error.reason === 'expired') {
    return { tone: 'danger', authenticated: false, title: 'This key has expired', text: 'Scaleway found the key, but its expiry date has passed (reason: expired), so every call answers 401. Generate a new key (step 1) and paste it here.' }
  }
  if (error instanceof Errors.DeniedAuthenticationError || (error instanceof Errors.ScalewayError && error.status === 401)) {
    return { tone: 'danger', authenticated: false, title: 'Wrong key: the secret matches no API key', text: 'Scaleway knows no API key with this secret key (reason: not_found): it was mistyped or cut short when copied, or the key was deleted. Paste the secret again; if it is lost, generate a new key.' }
  }
  if (error instanceof Errors.PermissionsDeniedError) {
    return { tone: 'warning', authenticated: true, title: 'The key works, but may not read IAM', text: 'Scaleway accepted the secret (otherwise it would answer 401), but the key’s policies do not include IAM read access, so it may not read its own record. It still works for what it may do: sign in and the API key page checks what that is.' }
  }
  if (error instanceof Errors.ResourceNotFoundError) {
    return { tone: 'danger', authenticated: false, title: 'The secret works, but not with this access key', text: 'Scaleway accepted the secret key, but knows no API key with this access key: the two halves come from different keys. Paste the access key generated together with this secret.' }
  }
  if (error instanceof Errors.ScalewayError && error.status >= 500) {
    return { tone: 'danger', authenticated: false, title: `Scaleway failed (HTTP ${error.status})`, text: 'The API answered with a server error: the key was not checked. This is usually temporary; try again in a moment.' }
  }
  const { title, message, hint } = describeError(error)
  return { tone: 'danger', authenticated: false, title, text: `${message} ${hint}` }
}
