/**
 * The permission sets `GET /iam/v1alpha1/permission-sets` lists (shape: the IAM OpenAPI spec, `PermissionSet`):
 * the ones the emulator's permission model understands (auth.ts), with Scaleway's names, scope types and categories.
 * Project-scoped sets can be granted on projects or on the whole organization; organization-scoped ones only on the
 * organization (and a rule whose sets are all organization-scoped reports `permission_sets_scope_type: organization`).
 */
import { uuidFrom } from './ids.ts'

export type PermissionSetScope = 'projects' | 'organization'

export interface PermissionSetInfo {
  name: string
  scopeType: PermissionSetScope
  description: string
  categories: string[]
}

export const PERMISSION_SET_CATALOGUE: readonly PermissionSetInfo[] = [
  { name: 'AllProductsFullAccess', scopeType: 'projects', categories: ['All products'], description: 'Full access to create, read, list, edit and delete the resources of every product' },
  { name: 'AllProductsReadOnly', scopeType: 'projects', categories: ['All products'], description: 'Read and list the resources of every product, without changing anything' },
  { name: 'BlockStorageFullAccess', scopeType: 'projects', categories: ['Storage'], description: 'Full access to create, read, list, edit and delete Block Storage volumes and snapshots' },
  { name: 'BlockStorageReadOnly', scopeType: 'projects', categories: ['Storage'], description: 'Read and list Block Storage volumes and snapshots' },
  { name: 'IAMManager', scopeType: 'organization', categories: ['Security & Identity'], description: 'Full access to IAM: users, applications, groups, policies and API keys' },
  { name: 'IAMReadOnly', scopeType: 'organization', categories: ['Security & Identity'], description: 'Read and list IAM users, applications, groups, policies and API keys' },
  { name: 'InstancesFullAccess', scopeType: 'projects', categories: ['Compute'], description: 'Full access to create, read, list, edit and delete Instances, their volumes, flexible IPs and security groups' },
  { name: 'InstancesReadOnly', scopeType: 'projects', categories: ['Compute'], description: 'Read and list Instances, their volumes, flexible IPs and security groups' },
  { name: 'OrganizationManager', scopeType: 'organization', categories: ['Organization'], description: 'Full access to the Organization: IAM, Projects and every product' },
  { name: 'ProjectManager', scopeType: 'organization', categories: ['Organization'], description: 'Create, read, list, edit and delete Projects' },
  { name: 'ProjectReadOnly', scopeType: 'organization', categories: ['Organization'], description: 'Read and list Projects' },
]

const BY_NAME = new Map(PERMISSION_SET_CATALOGUE.map((p) => [p.name, p]))

export const permissionSetInfo = (name: string): PermissionSetInfo | undefined => BY_NAME.get(name)

export const renderPermissionSet = (p: PermissionSetInfo): Record<string, unknown> => ({
  id: uuidFrom(`permission-set:${p.name}`),
  name: p.name,
  scope_type: p.scopeType,
  description: p.description,
  categories: p.categories,
})

/** A rule's `permission_sets_scope_type`: organization when every set is organization-scoped, else projects. */
export const ruleScopeType = (names: readonly string[]): PermissionSetScope =>
  names.length > 0 && names.every((n) => permissionSetInfo(n)?.scopeType === 'organization') ? 'organization' : 'projects'
