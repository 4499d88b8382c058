import { useQuery } from '@tanstack/react-query'
import { DescriptionList, DescriptionRow } from '@/components/ui/description-list'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageHeader } from '@/components/ui/page-header'
import { TableSkeleton } from '@/components/ui/skeleton'
import { sessionQueries, useScalewayClient, useSession } from '@/features/session'

export function ApiKeyPage() {
  const client = useScalewayClient()
  const { accessKey } = useSession()
  const key = useQuery(sessionQueries.currentKey(client, accessKey))

  return (
    <>
      <PageHeader title="API key" description="The key this tab is signed in with, as IAM describes it." />
      {key.isPending ? (
        <TableSkeleton label="Loading the key’s details…" />
      ) : key.isError ? (
        <ErrorPanel error={key.error} onRetry={() => void key.refetch()} />
      ) : key.data.kind === 'no-iam-read' ? (
        <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">This key works, but may not read its own IAM record.</p>
          <p className="mt-1">
            Scaleway answered “{key.data.reason}”. Its policies grant no IAM read access, so the access key in the
            header is the one you typed, unconfirmed by IAM. Other pages show what the key can reach.
          </p>
        </div>
      ) : (
        <DescriptionList>
          <DescriptionRow label="Access key"><span className="font-mono">{key.data.apiKey.accessKey}</span></DescriptionRow>
          <DescriptionRow label="Description">{key.data.apiKey.description || '—'}</DescriptionRow>
          <DescriptionRow label="Bearer">
            {key.data.apiKey.userId
              ? `User ${key.data.apiKey.userId}`
              : key.data.apiKey.applicationId
                ? `Application ${key.data.apiKey.applicationId}`
                : '—'}
          </DescriptionRow>
          <DescriptionRow label="Default project"><span className="font-mono">{key.data.apiKey.defaultProjectId}</span></DescriptionRow>
          <DescriptionRow label="Created">{key.data.apiKey.createdAt?.toLocaleString() ?? '—'}</DescriptionRow>
          <DescriptionRow label="Expires">{key.data.apiKey.expiresAt?.toLocaleString() ?? 'Never'}</DescriptionRow>
          <DescriptionRow label="Created from IP"><span className="font-mono">{key.data.apiKey.creationIp || '—'}</span></DescriptionRow>
        </DescriptionList>
      )}
    </>
  )
}
