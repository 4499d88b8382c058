import type { Client } from '@scaleway/sdk-client'
import { Iamv1alpha1 } from '@scaleway/sdk-iam'
import { queryOptions, skipToken } from '@tanstack/react-query'
import { fetchWithRaw } from '@/lib/scaleway/exchange'
import { fetchAllPages, MAX_PAGE_SIZE } from '@/lib/scaleway/fan-out'
import { accessKeyParam, uuidParam } from '@/lib/scaleway/path-params'

/** Who a key acts for, as its IAM record says. */
export type Bearer = { type: 'user'; id: string } | { type: 'application'; id: string }

export const bearerOf = (key: Iamv1alpha1.APIKey): Bearer | null =>
  key.userId ? { type: 'user', id: key.userId } : key.applicationId ? { type: 'application', id: key.applicationId } : null

/** One request and the JSON it was answered with (the page's "Raw IAM JSON"). */
export interface RawAnswer {
  request: string
  raw: unknown
}

/** A typed answer, with the raw answers it was read from (one per page for lists). */
export interface Answered<T> {
  value: T
  answers: RawAnswer[]
}

const iam = (client: Client) => new Iamv1alpha1.API(client)

async function one<T>(client: Client, call: (api: Iamv1alpha1.API) => Promise<T>): Promise<Answered<T>> {
  const { value, request, raw } = await fetchWithRaw(client, (c) => call(iam(c)))
  return { value, answers: [{ request, raw }] }
}

/** Every page of an IAM list (usually one), keeping each page's raw JSON. */
async function allPages<T>(
  client: Client,
  page: (api: Iamv1alpha1.API, page: number, pageSize: number) => Promise<{ items: T[]; totalCount: number }>,
  keyOf: (item: T) => string,
): Promise<Answered<T[]>> {
  const answers: RawAnswer[] = []
  const { items } = await fetchAllPages(async (n, size) => {
    const { value, request, raw } = await fetchWithRaw(client, (c) => page(iam(c), n, size))
    answers[n - 1] = { request, raw }
    return value
  }, keyOf, MAX_PAGE_SIZE)
  return { value: items, answers }
}

const byBearer = (bearer: Bearer) => (bearer.type === 'user' ? { userIds: [bearer.id] } : { applicationIds: [bearer.id] })

/**
 * The signed-in key as IAM describes it, its bearer, groups, policies, rules and the permission sets they name.
 * Ids from answers are checked (uuidParam) before they reach a path; a null input skips the query.
 */
export const apiKeyQueries = {
  all: () => ['api-key'] as const,
  key: (client: Client, accessKey: string) =>
    queryOptions({
      queryKey: [...apiKeyQueries.all(), 'key', accessKey],
      queryFn: () => one(client, (api) => api.getAPIKey({ accessKey: accessKeyParam(accessKey) })),
    }),
  user: (client: Client, userId: string | null) =>
    queryOptions({
      queryKey: [...apiKeyQueries.all(), 'user', userId],
      queryFn: userId ? () => one(client, (api) => api.getUser({ userId: uuidParam(userId, 'user id') })) : skipToken,
    }),
  application: (client: Client, applicationId: string | null) =>
    queryOptions({
      queryKey: [...apiKeyQueries.all(), 'application', applicationId],
      queryFn: applicationId
        ? () => one(client, (api) => api.getApplication({ applicationId: uuidParam(applicationId, 'application id') }))
        : skipToken,
    }),
  groups: (client: Client, bearer: Bearer | null) =>
    queryOptions({
      queryKey: [...apiKeyQueries.all(), 'groups', bearer],
      queryFn: bearer
        ? () => allPages(client, async (api, page, pageSize) => {
          const { groups, totalCount } = await api.listGroups({ ...byBearer(bearer), page, pageSize })
          return { items: groups, totalCount }
        }, (g) => g.id)
        : skipToken,
    }),
  /** Policies naming the bearer itself (`bearer`), or one of its groups (`groupIds`, skipped when empty). */
  policies: (client: Client, principal: { bearer: Bearer | null } | { groupIds: string[] | null }) =>
    queryOptions({
      queryKey: [...apiKeyQueries.all(), 'policies', principal],
      queryFn: ('bearer' in principal ? principal.bearer : principal.groupIds?.length)
        ? () => allPages(client, async (api, page, pageSize) => {
          const filter = 'bearer' in principal ? byBearer(principal.bearer!) : { groupIds: principal.groupIds! }
          const { policies, totalCount } = await api.listPolicies({ ...filter, page, pageSize })
          return { items: policies, totalCount }
        }, (p) => p.id)
        : skipToken,
    }),
  rules: (client: Client, policyId: string) =>
    queryOptions({
      queryKey: [...apiKeyQueries.all(), 'rules', policyId],
      queryFn: () => allPages(client, async (api, page, pageSize) => {
        const { rules, totalCount } = await api.listRules({ policyId, page, pageSize })
        return { items: rules, totalCount }
      }, (r) => r.id),
    }),
  /** The organization's permission sets, for their descriptions and scope types. */
  permissionSets: (client: Client, organizationId: string | null) =>
    queryOptions({
      queryKey: [...apiKeyQueries.all(), 'permission-sets', organizationId],
      queryFn: organizationId
        ? () => allPages(client, async (api, page, pageSize) => {
          const { permissionSets, totalCount } = await api.listPermissionSets({ organizationId, page, pageSize })
          return { items: permissionSets, totalCount }
        }, (p) => p.name)
        : skipToken,
      staleTime: 60 * 60_000,
    }),
}
