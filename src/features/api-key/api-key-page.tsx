import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageHeader } from '@/components/ui/page-header'
import { TableSkeleton } from '@/components/ui/skeleton'
import { sessionQueries, useScalewayClient, useSession } from '@/features/session'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 px-4 py-2.5">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="col-span-2 text-sm break-all text-slate-900">{children}</dd>
    </div>
  )
}

export function ApiKeyPage() {
  const client = useScalewayClient()
  const { accessKey } = useSession()
  const key = useQuery(sessionQueries.currentKey(client, accessKey ?? ''))

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
            Scaleway answered “{key.data.reason}”. Its policies grant no IAM read access; other pages show what it can
            reach.
          </p>
        </div>
      ) : (
        <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          <Row label="Access key"><span className="font-mono">{key.data.apiKey.accessKey}</span></Row>
          <Row label="Description">{key.data.apiKey.description || '—'}</Row>
          <Row label="Bearer">
            {key.data.apiKey.userId
              ? `User ${key.data.apiKey.userId}`
              : key.data.apiKey.applicationId
                ? `Application ${key.data.apiKey.applicationId}`
                : '—'}
          </Row>
          <Row label="Default project"><span className="font-mono">{key.data.apiKey.defaultProjectId}</span></Row>
          <Row label="Created">{key.data.apiKey.createdAt?.toLocaleString() ?? '—'}</Row>
          <Row label="Expires">{key.data.apiKey.expiresAt?.toLocaleString() ?? 'Never'}</Row>
          <Row label="Created from IP"><span className="font-mono">{key.data.apiKey.creationIp || '—'}</span></Row>
        </dl>
      )}
    </>
  )
}
