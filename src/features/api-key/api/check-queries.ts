import { Accountv3 } from '@scaleway/sdk-account'
import type { Client } from '@scaleway/sdk-client'
import { Errors } from '@scaleway/sdk-client'
import { Iamv1alpha1 } from '@scaleway/sdk-iam'
import { Instancev1 } from '@scaleway/sdk-instance'
import { queryOptions, type UseQueryResult } from '@tanstack/react-query'
import type { ZoneStatus } from '@/lib/scaleway/fan-out'
import { accessKeyParam, zoneParam } from '@/lib/scaleway/path-params'

/**
 * The live check: the console's own calls, each asking for one item only (cheap), never retried (the answer is
 * the point), re-run on demand. Each resolves to the total the API announced.
 */
const check = <T extends readonly unknown[]>(queryKey: T, queryFn: () => Promise<number>) =>
  queryOptions({ queryKey, queryFn, retry: false, staleTime: 60_000, refetchOnWindowFocus: false })

export const checkQueries = {
  all: (accessKey: string) => ['api-key', 'checks', accessKey] as const,
  readKey: (client: Client, accessKey: string) =>
    check([...checkQueries.all(accessKey), 'read-key'], async () => {
      await new Iamv1alpha1.API(client).getAPIKey({ accessKey: accessKeyParam(accessKey) })
      return 1
    }),
  listProjects: (client: Client, accessKey: string) =>
    check([...checkQueries.all(accessKey), 'projects'], async () =>
      (await new Accountv3.ProjectAPI(client).listProjects({ pageSize: 1 })).totalCount),
  listServers: (client: Client, accessKey: string, zone: string) =>
    check([...checkQueries.all(accessKey), 'servers', zone], async () =>
      (await new Instancev1.API(client).listServers({ zone: zoneParam(zone), perPage: 1 })).totalCount),
  listIps: (client: Client, accessKey: string, zone: string) =>
    check([...checkQueries.all(accessKey), 'ips', zone], async () =>
      (await new Instancev1.API(client).listIps({ zone: zoneParam(zone), perPage: 1 })).totalCount),
}

export type CheckState = 'checking' | 'allowed' | 'denied' | 'failed'

export interface CheckResult {
  state: CheckState
  /** How many items the call could see (allowed only). */
  total?: number
  error: Error | null
  retry: () => void
}

export function checkFromQuery(query: UseQueryResult<number>): CheckResult {
  const state: CheckState = query.isPending
    ? 'checking'
    : query.isError
      ? query.error instanceof Errors.PermissionsDeniedError ? 'denied' : 'failed'
      : 'allowed'
  return { state: query.isFetching && state !== 'checking' ? 'checking' : state, total: query.data, error: query.error, retry: () => void query.refetch() }
}

/** A zone of a fan-out, as a check (forbidden is denied; loaded or empty is allowed). */
export function checkFromZone(status: ZoneStatus, isFetching: boolean, total: number | undefined, error: Error | null, retry: () => void): CheckResult {
  const state: CheckState =
    status === 'loading' || status === 'throttled' || isFetching ? 'checking'
      : status === 'forbidden' ? 'denied'
        : status === 'failed' ? 'failed' : 'allowed'
  return { state, total, error, retry }
}
