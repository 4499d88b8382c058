import { Errors } from '@scaleway/sdk-client'
import { ErrorPanel } from '@/components/ui/error-panel'
import { describeError } from '@/lib/scaleway/errors'
import type { KeyFacts } from '../api/use-key-facts'

/**
 * When the key may not read its own IAM record (a key whose policies grant no IAM read, like the demo application
 * key): what could not be read, and what the page still shows. Any other failure is an error panel with a retry.
 */
export function IamDeniedNotice({ facts }: { facts: KeyFacts }) {
  const { key } = facts
  if (!key.isError) return null
  if (!(key.error instanceof Errors.PermissionsDeniedError)) {
    return <ErrorPanel className="mb-4" error={key.error} onRetry={() => void key.refetch()} />
  }
  return (
    <div role="status" className="mb-4 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">This key works, but may not read its own IAM record</p>
      <p className="mt-1">Scaleway answered 403: “{describeError(key.error).message}”.</p>
      <p className="mt-2 font-medium">Could not be read:</p>
      <ul className="list-disc pl-5">
        <li>the key’s IAM record: description, bearer, default project, dates, expiry;</li>
        <li>its bearer (user or application), groups and policies, so what it may do on paper.</li>
      </ul>
      <p className="mt-2">
        Still shown: the access key and secret this tab holds, and the live check below, which asks each API what the
        key may do in practice.
      </p>
    </div>
  )
}
