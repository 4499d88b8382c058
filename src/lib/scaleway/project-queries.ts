import { Accountv3 } from '@scaleway/sdk-account'
import type { Client } from '@scaleway/sdk-client'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { fetchAllPages, MAX_PAGE_SIZE } from './fan-out'

/** Projects of the key's organization (Account API), for names in lists and forms. */
export const projectQueries = {
  all: () => ['projects'] as const,
  list: (client: Client) =>
    queryOptions({
      queryKey: [...projectQueries.all(), 'list'] as const,
      queryFn: () =>
        fetchAllPages(async (page, pageSize) => {
          const { projects, totalCount } = await new Accountv3.ProjectAPI(client).listProjects({ page, pageSize })
          return { items: projects, totalCount }
        }, (project) => project.id, MAX_PAGE_SIZE),
      staleTime: 5 * 60_000,
    }),
}

export interface ProjectNames {
  /** The project's name, or undefined while loading or when the key may not read projects. */
  nameOf: (id: string) => string | undefined
  projects: Accountv3.Project[]
  /** Set when the projects could not be read (a key without Account access gets 403). */
  error: Error | null
}

/** Project names by id; a key that may not read projects still works, with ids instead of names. */
export function useProjects(client: Client): ProjectNames {
  const { data, error } = useQuery(projectQueries.list(client))
  return useMemo(() => {
    const projects = data?.items ?? []
    const byId = new Map(projects.map((p) => [p.id, p.name]))
    return { nameOf: (id: string) => byId.get(id), projects, error }
  }, [data, error])
}
