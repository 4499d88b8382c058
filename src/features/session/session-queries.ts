import type { Client } from '@scaleway/sdk-client'
import { Errors } from '@scaleway/sdk-client'
import type { Iamv1alpha1 } from '@scaleway/sdk-iam'
import { queryOptions, skipToken } from '@tanstack/react-query'
import { NetworkError } from '@/lib/scaleway/client'
import { UnknownAccessKeyError } from '@/lib/scaleway/errors'

/**
 * What the API said about the signed-in key. A key without IAM read permission
 * still authenticates: Scaleway answers 403 instead of 401, and the console signs
 * in with `apiKey: null` rather than refusing a working key.
 */
export type KeyVerification =
  | { kind: 'verified'; apiKey: Iamv1alpha1.APIKey }
  | { kind: 'no-iam-read'; reason: string }

export async function verifyApiKey(client: Client, accessKey: string): Promise<KeyVerification> {
  // Loaded on the first check (pressing "Sign in", or a reload), not with the sign-in page:
  // the IAM package and the word list it imports are not part of the first visit.
  const { Iamv1alpha1 } = await import('@scaleway/sdk-iam').catch((cause: unknown) => {
    // The chunk did not load (offline, or a deploy replaced it): the same "no answer" as a failed request.
    throw new NetworkError('The IAM module could not be loaded', { cause })
  })
  try {
    const apiKey = await new Iamv1alpha1.API(client).getAPIKey({ accessKey })
    return { kind: 'verified', apiKey }
  } catch (error) {
    if (error instanceof Errors.PermissionsDeniedError) {
      return { kind: 'no-iam-read', reason: error.rawMessage ?? 'insufficient permissions' }
    }
    if (error instanceof Errors.ResourceNotFoundError) {
      throw new UnknownAccessKeyError(accessKey, error.rawMessage ?? 'not found')
    }
    throw error
  }
}

export const sessionQueries = {
  all: () => ['session'] as const,
  /** Keyed by the access key (public); never by the secret. */
  currentKeyKey: (accessKey: string | null) => [...sessionQueries.all(), 'api-key', accessKey] as const,
  /** The signed-in key's own IAM record; does not run while signed out (`accessKey` null). */
  currentKey: (client: Client, accessKey: string | null) =>
    queryOptions({
      queryKey: sessionQueries.currentKeyKey(accessKey),
      queryFn: accessKey ? () => verifyApiKey(client, accessKey) : skipToken,
      staleTime: 5 * 60_000,
    }),
}
