/**
 * The status-code guide: what each answer of the Scaleway API means and what to do next. Shown in full on the
 * Get started page (one row per code, each with an anchor) and linked from every error panel.
 */
export interface StatusGuideRow {
  /** "403", "5xx", or "network" for no answer at all. */
  code: string
  title: string
  /** The error `type` Scaleway sends with it, when there is one. */
  types: string[]
  meaning: string
  next: string
}

export const STATUS_GUIDE: readonly StatusGuideRow[] = [
  { code: '200', title: 'OK', types: [], meaning: 'The call worked; the body is the answer. Lists carry total_count (Instance: the X-Total-Count header).', next: 'Nothing to do.' },
  { code: '201', title: 'Created', types: [], meaning: 'A resource was created. Scaleway’s IAM and Account APIs answer creates with 200 instead.', next: 'Read its id from the body.' },
  { code: '204', title: 'No Content', types: [], meaning: 'Done, with an empty body: deletes answer this.', next: 'Nothing to do.' },
  { code: '400', title: 'Bad Request', types: ['invalid_arguments', 'invalid_request_error'], meaning: 'A value was refused. details names each argument and why: required, format or constraint.', next: 'Fix the named argument and send again; the same request will fail the same way.' },
  { code: '401', title: 'Unauthorized', types: ['denied_authentication'], meaning: 'The key was not accepted. reason says which: not_found (the secret matches no key: mistyped, or the key was deleted) or expired.', next: 'Check the secret belongs to the access key; if the key expired, generate a new one in IAM › API keys.' },
  { code: '403', title: 'Forbidden', types: ['permissions_denied', 'quotas_exceeded'], meaning: 'The key authenticated, but its policies do not allow this action (details names the action and resource), or a quota is reached.', next: 'The key still works for what it may do. Ask an organization owner for the permission set, or use a key that has it; the API key page shows what this one may do.' },
  { code: '404', title: 'Not Found', types: ['not_found'], meaning: 'No such resource here (resource, resource_id): it was deleted, or lives in another zone or project.', next: 'Check the id and the zone; go back to the list.' },
  { code: '409', title: 'Conflict', types: ['transient_state', 'already_exists'], meaning: 'The resource is busy changing state (current_state), or one with that name already exists.', next: 'Wait until it settles and try again, or use the existing one.' },
  { code: '412', title: 'Precondition Failed', types: ['precondition_failed'], meaning: 'A rule stops the action: the resource is protected, or still in use (precondition, help_message).', next: 'Do what help_message says first (turn protection off, detach what uses it), then try again.' },
  { code: '429', title: 'Too Many Requests', types: [], meaning: 'The API gateway rate-limits this key. The body is empty; there is no Retry-After.', next: 'Wait a few seconds and retry with backoff; the console does it for you.' },
  { code: '5xx', title: 'Server error', types: ['internal_error', 'service_unavailable'], meaning: 'Scaleway, or the proxy in front of it, failed (500, 502, 503, 504).', next: 'Usually temporary: try again in a moment; check status.scaleway.com if it lasts.' },
  { code: 'network', title: 'No answer', types: [], meaning: 'Nothing answered: offline, DNS, or the /api proxy (or the API behind it) is down.', next: 'Check your connection; when running the console yourself, check SCW_API_URL and that the API is up.' },
]

/** Where the guide lives; each row's anchor is `status-<code>`. */
export const STATUS_GUIDE_PATH = '/get-started'

export const statusGuideAnchor = (code: string) => `status-${code}`

/** The guide row for an HTTP status, or for no answer (`undefined`); null when the guide has no row for it. */
export function statusGuideRow(status: number | undefined): StatusGuideRow | null {
  const code = status === undefined ? 'network' : status >= 500 ? '5xx' : String(status)
  return STATUS_GUIDE.find((row) => row.code === code) ?? null
}

export const statusGuideHref = (row: StatusGuideRow) => `${STATUS_GUIDE_PATH}#${statusGuideAnchor(row.code)}`
