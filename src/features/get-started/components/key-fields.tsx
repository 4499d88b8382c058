import { Accountv3 } from '@scaleway/sdk-account'
import type { Iamv1alpha1 } from '@scaleway/sdk-iam'
import { useQuery } from '@tanstack/react-query'
import { describeError } from '@/lib/scaleway/errors'
import { withExchange } from '@/lib/scaleway/exchange'
import { uuidParam } from '@/lib/scaleway/path-params'
import type { TestOutcome } from '../api/test-key'

/**
 * The organization behind the key's default project, read with the tested key (Account API). The answer, refusal
 * included, is data: an error of the tested key must never reach the cache's error listeners, which judge the
 * session's own key (a 401 there signs the tab out).
 */
function useOrganization({ client, accessKey }: TestOutcome, projectId: string) {
  return useQuery({
    // The access key (public) tells tested keys apart; the client, which holds the secret, stays out of the key.
    queryKey: ['get-started', 'default-project', accessKey, projectId],
    queryFn: () =>
      withExchange(client, (c) => new Accountv3.ProjectAPI(c).getProject({ projectId: uuidParam(projectId, 'project id') })),
    retry: false,
    staleTime: Infinity,
  })
}

/** user_id or application_id, default_project_id and the organization, in words. */
export function KeyFields({ outcome, apiKey }: { outcome: TestOutcome; apiKey: Iamv1alpha1.APIKey }) {
  const project = useOrganization(outcome, apiKey.defaultProjectId)
  return (
    <dl className="grid gap-x-4 gap-y-3 rounded-lg border border-slate-200 p-4 sm:grid-cols-[12rem_1fr]">
      {apiKey.userId ? (
        <>
          <dt className="font-mono text-xs text-slate-900">user_id</dt>
          <dd>
            <span className="font-mono">{apiKey.userId}</span>: the key belongs to a <strong>user</strong> (you, or a member
            of your organization) and acts with that user’s permissions.
          </dd>
        </>
      ) : (
        <>
          <dt className="font-mono text-xs text-slate-900">application_id</dt>
          <dd>
            <span className="font-mono">{apiKey.applicationId}</span>: the key belongs to an <strong>IAM application</strong>,
            a non-human principal with its own policies.
          </dd>
        </>
      )}
      <dt className="font-mono text-xs text-slate-900">default_project_id</dt>
      <dd>
        <span className="font-mono">{apiKey.defaultProjectId}</span>: where resources go when a request names no project
        (what the old answer called project_id).
      </dd>
      <dt className="font-mono text-xs text-slate-900">organization</dt>
      <dd>
        The answer no longer names it (the old one had organization_id). It is the organization that owns the default
        project
        {!project.data
          ? '; asking the Account API…'
          : project.data.ok
            ? <>: <span className="font-mono">{project.data.value.organizationId}</span> (Account API, project “{project.data.value.name}”).{project.data.value.organizationId === apiKey.defaultProjectId && ' The first project of an organization shares its id.'}</>
            : `; the Account API would not say (${describeError(project.data.error).message}).`}
      </dd>
    </dl>
  )
}
