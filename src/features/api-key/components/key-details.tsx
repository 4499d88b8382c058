import type { ReactNode } from 'react'
import { Badge } from '@/components/ui/badge'
import { CopyButton } from '@/components/ui/copy-button'
import { DescriptionList, DescriptionRow } from '@/components/ui/description-list'
import { SecretValue } from '@/components/ui/secret-value'
import { Skeleton } from '@/components/ui/skeleton'
import { describeError } from '@/lib/scaleway/errors'
import { formatExact, formatRelative } from '@/lib/format'
import type { KeyFacts } from '../api/use-key-facts'
import { KeyBearer } from './key-bearer'
import { KeyExpiry } from './key-expiry'

function When({ date }: { date: Date | undefined }) {
  if (!date) return <>—</>
  return <>{formatExact(date)} <span className="text-slate-500">({formatRelative(date)})</span></>
}

function Flag({ on, label }: { on: boolean; label: string }) {
  return <Badge tone={on ? 'success' : 'neutral'}>{label}: {on ? 'yes' : 'no'}</Badge>
}

/** The key: what IAM says about it, the default project from the Account API, the secret masked. */
export function KeyDetails({ facts, secret }: { facts: KeyFacts; secret: string }) {
  const { key } = facts
  return (
    <DescriptionList>
      <DescriptionRow label="Access key">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-mono">{facts.accessKey}</span>
          <CopyButton value={facts.accessKey} text="Copy access key" />
        </span>
      </DescriptionRow>
      <DescriptionRow label="Secret key"><SecretValue secret={secret} /></DescriptionRow>
      {key.isError ? (
        <DescriptionRow label="Everything else">
          <span className="text-slate-600">Not readable: IAM would not describe this key (see above).</span>
        </DescriptionRow>
      ) : (
        <IamRows facts={facts} />
      )}
    </DescriptionList>
  )
}

/** The rows IAM (and, for the project's name, the Account API) fill in: skeletons while they answer. */
function IamRows({ facts }: { facts: KeyFacts }) {
  const { apiKey, projects, defaultProject, organizationId } = facts
  const fromIam = (render: (k: NonNullable<KeyFacts['apiKey']>) => ReactNode) => (apiKey ? render(apiKey) : <Skeleton className="h-5 w-40" />)
  return (
    <>
      <DescriptionRow label="Description">{fromIam((k) => k.description || '—')}</DescriptionRow>
      <DescriptionRow label="Bearer">{fromIam(() => <KeyBearer facts={facts} />)}</DescriptionRow>
      <DescriptionRow label="Default project">
        {fromIam((k) => (
          <span>
            {defaultProject ? <strong>{defaultProject.name}</strong> : projects.error ? null : <Skeleton className="inline-block h-4 w-24" />}
            <span className="block font-mono text-xs text-slate-500">{k.defaultProjectId}</span>
            {projects.error && (
              <span className="block text-xs text-amber-800">Name not readable (Account API): {describeError(projects.error).message}</span>
            )}
          </span>
        ))}
      </DescriptionRow>
      <DescriptionRow label="Organization">
        {organizationId ? <span className="font-mono">{organizationId}</span> : fromIam(() => <span className="text-slate-500">Not readable with this key</span>)}
      </DescriptionRow>
      <DescriptionRow label="Created">{fromIam((k) => <When date={k.createdAt} />)}</DescriptionRow>
      <DescriptionRow label="Updated">{fromIam((k) => <When date={k.updatedAt} />)}</DescriptionRow>
      <DescriptionRow label="Expires">{fromIam((k) => <KeyExpiry expiresAt={k.expiresAt} />)}</DescriptionRow>
      <DescriptionRow label="Created from IP">{fromIam((k) => <span className="font-mono">{k.creationIp || '—'}</span>)}</DescriptionRow>
      <DescriptionRow label="Can be changed">
        {fromIam((k) => (
          <span className="flex flex-wrap gap-2">
            <Flag on={k.editable} label="Editable" />
            <Flag on={k.deletable} label="Deletable" />
            <Flag on={k.managed} label="Managed by Scaleway" />
          </span>
        ))}
      </DescriptionRow>
    </>
  )
}
