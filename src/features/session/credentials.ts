import type { Credentials } from '@/lib/scaleway/client'

/** The one key under which this tab keeps its session. sessionStorage only. */
export const SESSION_STORAGE_KEY = 'scw-console.session'

const ACCESS_KEY_PATTERN = /^SCW[A-Z0-9]{17}$/i
const SECRET_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface CredentialErrors {
  accessKey?: string
  secretKey?: string
}

/**
 * Checks both formats before anything is sent. Messages never repeat the secret.
 */
export function validateCredentials(input: Credentials): CredentialErrors {
  const errors: CredentialErrors = {}
  const accessKey = input.accessKey.trim()
  const secretKey = input.secretKey.trim()
  if (!accessKey) errors.accessKey = 'Enter the access key (it starts with SCW).'
  else if (!ACCESS_KEY_PATTERN.test(accessKey)) {
    errors.accessKey = `Access key must start with SCW followed by 17 letters or digits (20 characters in all); this one has ${accessKey.length}.`
  }
  if (!secretKey) errors.secretKey = 'Enter the secret key.'
  else if (!SECRET_KEY_PATTERN.test(secretKey)) {
    errors.secretKey =
      'Secret key must be a UUID: 36 characters, hexadecimal groups of 8-4-4-4-12 separated by dashes.'
  }
  return errors
}

export function normalizeCredentials(input: Credentials): Credentials {
  return { accessKey: input.accessKey.trim().toUpperCase(), secretKey: input.secretKey.trim().toLowerCase() }
}

function isCredentials(value: unknown): value is Credentials {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.accessKey === 'string' && typeof v.secretKey === 'string'
}

type Listener = () => void
const listeners = new Set<Listener>()
let cachedRaw: string | null = null
let cachedValue: Credentials | null = null

function storage(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

/** Snapshot for useSyncExternalStore: stable identity while the stored value is unchanged. */
export function readCredentials(): Credentials | null {
  const raw = storage()?.getItem(SESSION_STORAGE_KEY) ?? null
  if (raw === cachedRaw) return cachedValue
  cachedRaw = raw
  cachedValue = null
  if (raw) {
    try {
      const parsed: unknown = JSON.parse(raw)
      const errors = isCredentials(parsed) ? validateCredentials(parsed) : { accessKey: 'invalid' }
      cachedValue = isCredentials(parsed) && !errors.accessKey && !errors.secretKey ? parsed : null
    } catch {
      cachedValue = null
    }
  }
  return cachedValue
}

export function saveCredentials(credentials: Credentials): void {
  storage()?.setItem(SESSION_STORAGE_KEY, JSON.stringify(credentials))
  listeners.forEach((listener) => listener())
}

export function clearCredentials(): void {
  storage()?.removeItem(SESSION_STORAGE_KEY)
  listeners.forEach((listener) => listener())
}

export function subscribeCredentials(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
