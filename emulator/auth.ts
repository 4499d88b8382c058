/**
 * Authentication (X-Auth-Token = secret key) and a small permission model derived from the seeded IAM
 * policies: each rule grants permission sets either organization-wide or on a list of projects. A policy applies to
 * its user or application, or to every member of its group.
 *
 * Products: `instance` (Instance API), `block` (Block Storage API: granted by the Instances permission sets too, since
 * an Instance's root volume lives there, and by BlockStorageFullAccess / BlockStorageReadOnly), `iam`, `account`.
 * Instance and Block are project-scoped; IAM and Account are organization-level.
 */
import type { IncomingHttpHeaders } from 'node:http'
import { deniedAuthentication, type ApiError } from './errors.ts'
import type { ApiKey, Bearer, Principal, Store } from './store.ts'

export type Product = 'instance' | 'block' | 'iam' | 'account'
export type Access = 'read' | 'write'

/** Permission sets the emulator understands, and what they grant. */
export const PERMISSION_SETS: Record<string, { products: Product[] | 'all'; access: Access[] }> = {
  AllProductsFullAccess: { products: 'all', access: ['read', 'write'] },
  OrganizationManager: { products: 'all', access: ['read', 'write'] },
  AllProductsReadOnly: { products: 'all', access: ['read'] },
  InstancesFullAccess: { products: ['instance', 'block'], access: ['read', 'write'] },
  InstancesReadOnly: { products: ['instance', 'block'], access: ['read'] },
  BlockStorageFullAccess: { products: ['block'], access: ['read', 'write'] },
  BlockStorageReadOnly: { products: ['block'], access: ['read'] },
  IAMManager: { products: ['iam'], access: ['read', 'write'] },
  IAMReadOnly: { products: ['iam'], access: ['read'] },
  ProjectManager: { products: ['account'], access: ['read', 'write'] },
  ProjectReadOnly: { products: ['account'], access: ['read'] },
}

export interface Caller {
  apiKey: ApiKey
}

/** 'all' (organization scope), or the set of project ids the caller may act on (possibly empty). */
export type Scope = 'all' | Set<string>

export const authenticate = (store: Store, headers: IncomingHttpHeaders, now: number): Caller | ApiError => {
  const raw = headers['x-auth-token']
  const token = Array.isArray(raw) ? raw[0] : raw
  if (!token) return deniedAuthentication('not_found')
  const accessKey = store.secrets.get(token.trim())
  const apiKey = accessKey === undefined ? undefined : store.apiKeys.get(accessKey)
  if (!apiKey) return deniedAuthentication('not_found')
  if (apiKey.expiresAt !== null && apiKey.expiresAt <= now) return deniedAuthentication('expired')
  return { apiKey }
}

/** Access key for the request log, never the secret. */
export const accessKeyForToken = (store: Store, headers: IncomingHttpHeaders): string | null => {
  const raw = headers['x-auth-token']
  const token = Array.isArray(raw) ? raw[0] : raw
  if (!token) return null
  return store.secrets.get(token.trim()) ?? null
}

/** Whether a policy's principal covers the bearer: the user or application itself, or a group it belongs to. */
export const principalMatches = (store: Store, principal: NonNullable<Principal>, bearer: Bearer): boolean => {
  if ('groupId' in principal) {
    const group = store.groups.get(principal.groupId)
    return group !== undefined && (bearer.type === 'user' ? group.userIds : group.applicationIds).includes(bearer.id)
  }
  return bearer.type === 'user'
    ? 'userId' in principal && principal.userId === bearer.id
    : 'applicationId' in principal && principal.applicationId === bearer.id
}

export const scopeOf = (store: Store, caller: Caller, product: Product, access: Access): Scope => {
  const bearer = caller.apiKey.bearer
  const projects = new Set<string>()
  for (const rule of store.rules.values()) {
    const policy = store.policies.get(rule.policyId)
    if (!policy || policy.principal === null) continue
    if (!principalMatches(store, policy.principal, bearer)) continue
    const grants = rule.permissionSetNames.some((name) => {
      const set = PERMISSION_SETS[name]
      return set !== undefined && (set.products === 'all' || set.products.includes(product)) && set.access.includes(access)
    })
    if (!grants) continue
    if (rule.projectIds === null) return 'all'
    // IAM and Account are organization-level products: project-scoped rules do not grant them.
    if (product !== 'instance' && product !== 'block') continue
    for (const id of rule.projectIds) projects.add(id)
  }
  return projects
}

export const scopeAllows = (scope: Scope, projectId?: string): boolean =>
  scope === 'all' || (projectId === undefined ? scope.size > 0 : scope.has(projectId))
