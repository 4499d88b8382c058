import { useCallback } from 'react'
import { Button } from '@/components/ui/button'
import { Field, SelectField } from '@/components/ui/field'
import { ProjectField } from '@/components/ui/project-field'
import type { ProjectNames } from '@/lib/scaleway/project-queries'
import { SERVER_ORDERS, SERVER_STATES, type ServerOrder } from '../api/instance-queries'
import { splitList } from '@/lib/search-params'
import { useDebouncedText } from '@/lib/use-debounced-text'
import { hasFilters, NO_FILTERS, type InstancesSearch } from '../instances-search'

const ORDER_LABELS: Record<ServerOrder, string> = {
  creation_date_desc: 'Newest first',
  creation_date_asc: 'Oldest first',
  modification_date_desc: 'Recently modified first',
  modification_date_asc: 'Least recently modified first',
}

const normalizeName = (text: string) => text.trim()
const normalizeTags = (text: string) => splitList(text).join(', ')

interface InstancesFiltersProps {
  search: InstancesSearch
  setSearch: (patch: Partial<InstancesSearch>, options?: { replace?: boolean }) => void
  projects: ProjectNames
}

/** Every filter is one of the Instance API's own query parameters; nothing is filtered in the page. */
export function InstancesFilters({ search, setSearch, projects }: InstancesFiltersProps) {
  const commitName = useCallback((next: string) => setSearch({ name: next }, { replace: true }), [setSearch])
  const commitTags = useCallback((next: string) => setSearch({ tags: splitList(next) }, { replace: true }), [setSearch])
  const [name, setName] = useDebouncedText(search.name, normalizeName, commitName)
  const [tags, setTags] = useDebouncedText(search.tags.join(', '), normalizeTags, commitTags)

  return (
    <form role="search" aria-label="Filter instances" onSubmit={(e) => e.preventDefault()} className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
      <Field
        label="Search by name"
        type="search"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="web"
        className="font-sans"
        fieldClassName="lg:col-span-2"
      />
      <SelectField label="State" value={search.state} onChange={(e) => setSearch({ state: e.target.value as InstancesSearch['state'] })}>
        <option value="">Any state</option>
        {SERVER_STATES.map((state) => (
          <option key={state} value={state}>
            {state}
          </option>
        ))}
      </SelectField>
      <Field
        label="Tags"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        placeholder="web, prod"
        description="Servers with every tag listed."
        className="font-sans"
      />
      <ProjectField projects={projects} value={search.project} onChange={(project) => setSearch({ project })} emptyLabel="All projects" />
      <SelectField label="Order" value={search.order} onChange={(e) => setSearch({ order: e.target.value as ServerOrder })}>
        {SERVER_ORDERS.map((order) => (
          <option key={order} value={order}>
            {ORDER_LABELS[order]}
          </option>
        ))}
      </SelectField>
      {hasFilters(search) && (
        <div className="flex items-end">
          <Button variant="ghost" onClick={() => setSearch(NO_FILTERS)}>
            Clear filters
          </Button>
        </div>
      )}
    </form>
  )
}
