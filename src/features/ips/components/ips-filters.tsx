import { useCallback } from 'react'
import { Button } from '@/components/ui/button'
import { Field, SelectField } from '@/components/ui/field'
import { ProjectField } from '@/components/ui/project-field'
import type { ProjectNames } from '@/lib/scaleway/project-queries'
import { splitList } from '@/lib/search-params'
import { useDebouncedText } from '@/lib/use-debounced-text'
import { hasIpFilters, NO_IP_SEARCH_FILTERS, type IpsSearch } from '../ips-search'

const normalizeTags = (text: string) => splitList(text).join(', ')

interface IpsFiltersProps {
  search: IpsSearch
  setSearch: (patch: Partial<IpsSearch>, options?: { replace?: boolean }) => void
  projects: ProjectNames
}

/** Type, tags and project go to the API; "Attached" is applied here, over every page. */
export function IpsFilters({ search, setSearch, projects }: IpsFiltersProps) {
  const commitTags = useCallback((next: string) => setSearch({ tags: splitList(next) }, { replace: true }), [setSearch])
  const [tags, setTags] = useDebouncedText(search.tags.join(', '), normalizeTags, commitTags)
  return (
    <form role="search" aria-label="Filter flexible IPs" onSubmit={(e) => e.preventDefault()} className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
      <SelectField label="Attached" value={search.attached} onChange={(e) => setSearch({ attached: e.target.value as IpsSearch['attached'] })}>
        <option value="">Attached or not</option>
        <option value="true">Attached to a server</option>
        <option value="false">Detached (billed while unused)</option>
      </SelectField>
      <SelectField label="Type" value={search.type} onChange={(e) => setSearch({ type: e.target.value as IpsSearch['type'] })}>
        <option value="">IPv4 and IPv6</option>
        <option value="routed_ipv4">IPv4</option>
        <option value="routed_ipv6">IPv6</option>
      </SelectField>
      <Field label="Tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="web, prod" className="font-sans" />
      <ProjectField projects={projects} value={search.project} onChange={(project) => setSearch({ project })} emptyLabel="All projects" />
      {hasIpFilters(search) && (
        <div className="flex items-end">
          <Button variant="ghost" onClick={() => setSearch(NO_IP_SEARCH_FILTERS)}>
            Clear filters
          </Button>
        </div>
      )}
    </form>
  )
}
