import type { Client } from '@scaleway/sdk-client'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { EmptyState } from '@/components/ui/empty-state'
import { ErrorPanel } from '@/components/ui/error-panel'
import { TableSkeleton } from '@/components/ui/skeleton'
import { describeError } from '@/lib/scaleway/errors'
import { apiKeyQueries } from '../api/api-key-queries'
import type { KeyFacts } from '../api/use-key-facts'
import { PolicyCard } from './policy-card'

const note = 'rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900'

/** The bearer's IAM policies, its own and its groups', with their rules. Each part says when it could not be read. */
export function KeyPolicies({ client, facts }: { client: Client; facts: KeyFacts }) {
  const { bearer, organizationId, projects } = facts
  const groups = useQuery(apiKeyQueries.groups(client, bearer))
  const direct = useQuery(apiKeyQueries.policies(client, { bearer }))
  const groupIds = groups.data?.value.map((g) => g.id) ?? null
  const viaGroups = useQuery(apiKeyQueries.policies(client, { groupIds }))
  const sets = useQuery(apiKeyQueries.permissionSets(client, organizationId))
  const permissionSets = useMemo(() => new Map((sets.data?.value ?? []).map((s) => [s.name, s])), [sets.data])
  const groupName = (id: string | undefined) => groups.data?.value.find((g) => g.id === id)?.name ?? null

  if (!bearer) {
    return <p className={note}>The policies could not be read: they belong to the key’s bearer, and IAM would not say who that is.</p>
  }
  const policies = [...(direct.data?.value ?? []), ...(viaGroups.data?.value ?? [])]
  const who = bearer.type === 'user' ? 'this user' : 'this application'
  return (
    <div className="space-y-3">
      {groups.isSuccess && (
        <p className="text-sm text-slate-700">
          {groups.data.value.length === 0
            ? `Not a member of any group: only the policies naming ${who} apply.`
            : `Member of ${groups.data.value.map((g) => g.name).join(', ')}: the policies of these groups apply too.`}
        </p>
      )}
      {groups.isError && <p className={note}>The groups could not be read ({describeError(groups.error).message}): policies given through groups are missing below.</p>}
      {viaGroups.isError && <ErrorPanel error={viaGroups.error} onRetry={() => void viaGroups.refetch()} />}
      {sets.isError && <p className={note}>The permission sets’ descriptions could not be read ({describeError(sets.error).message}); their names are below.</p>}
      {direct.isError && <ErrorPanel error={direct.error} onRetry={() => void direct.refetch()} />}
      {direct.isPending ? (
        <TableSkeleton rows={3} label="Loading the policies…" />
      ) : direct.isError ? null : policies.length === 0 ? (
        viaGroups.isFetching ? <TableSkeleton rows={2} label="Loading the groups’ policies…" /> : (
          <EmptyState title="No policy gives this key anything">
            No policy names {who} or its groups, so every call it makes answers 403. An organization owner can attach
            a policy in IAM › Policies.
          </EmptyState>
        )
      ) : (
        policies.map((policy) => (
          <PolicyCard
            key={policy.id}
            client={client}
            policy={policy}
            via={policy.groupId ? groupName(policy.groupId) ?? policy.groupId : null}
            permissionSets={permissionSets}
            projectName={projects.nameOf}
          />
        ))
      )}
    </div>
  )
}
