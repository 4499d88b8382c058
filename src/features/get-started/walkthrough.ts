import { createContext, use } from 'react'
import type { CredentialErrors } from '@/features/session'
import type { Credentials } from '@/lib/scaleway/client'
import type { TestOutcome } from './api/test-key'

export type StepStatus = 'done' | 'failed' | 'waiting'

/**
 * The walkthrough's state. It lives above the page (WalkthroughProvider, placed by the route around the shell), so
 * signing in with the tested key, which swaps the signed-out frame for the console's shell, keeps the steps as they
 * were. The secret stays in memory: never in a URL, storage, a query or mutation key, or a DOM attribute.
 */
export interface Walkthrough {
  accessKey: string
  setAccessKey: (value: string) => void
  /** The secret as typed; components show it masked unless the user reveals it. */
  secret: string
  setSecret: (value: string) => void
  /** Live format errors of what is typed (the sign-in rules); shown once a field was left or a test was asked. */
  errors: CredentialErrors
  touched: { accessKey: boolean; secretKey: boolean }
  touch: (field: 'accessKey' | 'secretKey') => void
  /** Both halves are well-formed. */
  valid: boolean
  /** The typed pair, trimmed and normalised. */
  credentials: Credentials
  /** Runs the test (after marking both fields touched); does nothing while the format is wrong. */
  test: () => void
  testing: boolean
  /** The last test of the key as it is typed now; null before, and again as soon as a field changes. */
  outcome: TestOutcome | null
  /** The zone the "Use it" commands and the Instances link use. */
  zone: string
  setZone: (zone: string) => void
}

export const WalkthroughContext = createContext<Walkthrough | null>(null)

export function useWalkthrough(): Walkthrough {
  const value = use(WalkthroughContext)
  if (!value) throw new Error('useWalkthrough must be used inside <WalkthroughProvider>')
  return value
}
