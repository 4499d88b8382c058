import type { Client } from '@scaleway/sdk-client'
import type { Iamv1alpha1 } from '@scaleway/sdk-iam'
import { useQuery } from '@tanstack/react-query'
import { Badge } from '@/components/ui/badge'
import { ErrorPanel } from '@/components/ui/error-panel'
import { TableSkeleton } from '@/components/ui/skeleton'
import { apiKeyQueries } from '../api/api-key-queries'

interface PolicyCardProps {
  client: Client
  policy: Iamv1alpha1.Policy
  /** The group the policy reaches the bearer through, or null when it names the bearer itself. */
  via: string | null
  permissionSets: ReadonlyMap<string, Iamv1alpha1.PermissionSet>
  projectName: (id: string) => string | undefined
}

function Scope({ rule, projectName }: { rule: Iamv1alpha1.Rule; projectName: PolicyCardProps['projectName'] }) {
  if (rule.projectIds) {
    return (
      <ul className="space-y-0.5">
        {rule.projectIds.map((id) => (
          <li key={id}>
            Project <strong>{projectName(id) ?? 'name not readable'}</strong> <span className="font-mono text-xs text-slate-500">{id}</span>
          </li>
        ))}
      </ul>
    )
  }
  if (rule.organizationId) return <span>The whole organization <span className="font-mono text-xs text-slate-500">{rule.organizationId}</span></span>
  return <span>The account root user</span>
}

/** One policy and its rules: the permission sets it grants and where (the organization, or projects by name). */
export function PolicyCard({ client, policy, via, permissionSets, projectName }: PolicyCardProps) {
  const rules = useQuery(apiKeyQueries.rules(client, policy.id))
  return (
    <article aria-labelledby={`policy-${policy.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h4 id={`policy-${policy.id}`} className="font-semibold text-slate-900">{policy.name}</h4>
        <Badge tone="info">{via ? `through group ${via}` : 'names the bearer'}</Badge>
        {policy.tags.map((tag) => <Badge key={tag}>#{tag}</Badge>)}
      </div>
      {policy.description && <p className="mt-1 text-sm text-slate-600">{policy.description}</p>}
      <div className="mt-3">
        {rules.isPending ? (
          <TableSkeleton rows={2} label={`Loading the rules of ${policy.name}…`} />
        ) : rules.isError ? (
          <ErrorPanel error={rules.error} onRetry={() => void rules.refetch()} />
        ) : rules.data.value.length === 0 ? (
          <p className="text-sm text-slate-600">No rules: this policy grants nothing yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Rules of {policy.name}</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">Permission sets</th>
                <th scope="col" className="py-1 font-medium">Scope</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rules.data.value.map((rule) => (
                <tr key={rule.id} className="align-top">
                  <td className="py-2 pr-4">
                    <ul className="space-y-1">
                      {(rule.permissionSetNames ?? []).map((name) => (
                        <li key={name}>
                          <span className="font-mono font-medium text-slate-900">{name}</span>
                          {permissionSets.get(name)?.description && (
                            <span className="block text-xs text-slate-600">{permissionSets.get(name)?.description}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="py-2"><Scope rule={rule} projectName={projectName} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </article>
  )
}
