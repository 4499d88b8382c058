import type { Client } from '@scaleway/sdk-client'
import { useQuery } from '@tanstack/react-query'
import { useProjects } from '@/lib/scaleway/project-queries'
import { apiKeyQueries, bearerOf } from './api-key-queries'

/**
 * What the page knows about the signed-in key: its IAM record, its bearer (user or application), the projects
 * (Account API) and the organization, from whichever answer names it first. Each part may fail on its own.
 */
export function useKeyFacts(client: Client, accessKey: string) {
  const key = useQuery(apiKeyQueries.key(client, accessKey))
  const apiKey = key.data?.value
  const bearer = apiKey ? bearerOf(apiKey) : null
  const user = useQuery(apiKeyQueries.user(client, bearer?.type === 'user' ? bearer.id : null))
  const application = useQuery(apiKeyQueries.application(client, bearer?.type === 'application' ? bearer.id : null))
  const projects = useProjects(client)
  const defaultProject = apiKey ? projects.projects.find((p) => p.id === apiKey.defaultProjectId) : undefined
  const organizationId =
    user.data?.value.organizationId ?? application.data?.value.organizationId ?? defaultProject?.organizationId ?? null
  return { accessKey, key, apiKey, bearer, user, application, projects, defaultProject, organizationId }
}

export type KeyFacts = ReturnType<typeof useKeyFacts>
