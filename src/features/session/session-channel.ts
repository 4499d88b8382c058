import type { SignOutReason } from './session-end'

/**
 * What the console's tabs tell each other, over a BroadcastChannel of this origin.
 * No message carries a key: a sign-out says why, and tabs compare random tab ids.
 *
 * Copied tabs: a tab opened from a signed-in one (`window.open`, "Duplicate") starts
 * with a copy of its sessionStorage, secret included. Each tab keeps a random id
 * there; a starting tab announces it, and a live tab holding the same id answers
 * "taken": the newcomer is the copy, and forgets the secret. A tab that may be a copy
 * (`mayBeCopiedTab`) waits for that answer before using the key; any other starts at
 * once, and should it be a copy after all, it is signed out when the answer comes.
 */
type Message = { type: 'signed-out'; reason: SignOutReason } | { type: 'claim'; tab: string } | { type: 'taken'; tab: string }

const CHANNEL_NAME = 'scw-console.session'
const TAB_KEY = 'scw-console.tab'
/** How long a starting tab waits for "taken" before it trusts its stored key (only when it was not reloaded). */
export const TAB_CHECK_MS = 150

const newTabId = () => crypto.randomUUID()

function tabId(): string {
  try {
    const stored = window.sessionStorage.getItem(TAB_KEY)
    if (stored) return stored
    const id = newTabId()
    window.sessionStorage.setItem(TAB_KEY, id)
    return id
  } catch {
    return newTabId()
  }
}

/**
 * Only a tab that may be a copy waits for the check. Browsers copy sessionStorage into a tab
 * opened with an opener (`window.open`, a link with `rel=opener`) and into a duplicated tab,
 * which loads as a history navigation (`back_forward`). A reload, or a URL typed or followed in
 * the tab itself, keeps the tab's own storage: it starts at once. Whatever else copies a tab
 * is still caught: the "taken" answer signs a copy out whenever it comes.
 */
export function mayBeCopiedTab(): boolean {
  if (typeof BroadcastChannel === 'undefined') return false
  const [navigation] = performance.getEntriesByType?.('navigation') ?? []
  // No navigation entry (not a browser page load): nothing was copied.
  if (navigation === undefined) return false
  return (navigation as PerformanceNavigationTiming).type === 'back_forward' || hasOpener()
}

function hasOpener(): boolean {
  try {
    return window.opener !== null && window.opener !== undefined
  } catch {
    // A cross-origin opener: still a tab opened from another.
    return true
  }
}

export interface SessionChannel {
  announceSignOut(reason: SignOutReason): void
  close(): void
}

interface Handlers {
  onSignedOutElsewhere(reason: SignOutReason): void
  onCopiedTab(): void
}

export function openSessionChannel({ onSignedOutElsewhere, onCopiedTab }: Handlers): SessionChannel {
  if (typeof BroadcastChannel === 'undefined') return { announceSignOut: () => {}, close: () => {} }
  const channel = new BroadcastChannel(CHANNEL_NAME)
  let tab = tabId()
  channel.onmessage = (event: MessageEvent<Message>) => {
    const message = event.data
    if (message.type === 'signed-out') onSignedOutElsewhere(message.reason)
    else if (message.type === 'claim' && message.tab === tab) channel.postMessage({ type: 'taken', tab } satisfies Message)
    // A late "taken" (a busy original tab) still signs the copy out.
    else if (message.type === 'taken' && message.tab === tab) {
      tab = newTabId()
      try {
        window.sessionStorage.setItem(TAB_KEY, tab)
      } catch {
        // the id only lives in memory then
      }
      onCopiedTab()
    }
  }
  channel.postMessage({ type: 'claim', tab } satisfies Message)
  return {
    announceSignOut: (reason) => channel.postMessage({ type: 'signed-out', reason } satisfies Message),
    close: () => channel.close(),
  }
}
