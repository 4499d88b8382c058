import { memo } from 'react'
import { Button } from '@/components/ui/button'
import { SelectField } from '@/components/ui/field'
import type { InventorySearch } from '../inventory-search'

interface InventoryFiltersProps {
  search: InventorySearch
  setSearch: (patch: Partial<InventorySearch>) => void
  /** Projects to offer: every project the key can read, plus any an answer named. */
  projects: { id: string; name: string }[]
  tags: string[]
}

/** Project and tag: applied to what every zone answered, and carried into every link. */
export const InventoryFilters = memo(function InventoryFilters({ search, setSearch, projects, tags }: InventoryFiltersProps) {
  // A tag from a link that no resource carries (any more) is still offered, so the select shows it.
  const tagChoices = search.tag && !tags.includes(search.tag) ? [search.tag, ...tags] : tags
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <SelectField label="Project" value={search.project} onChange={(e) => setSearch({ project: e.target.value })} fieldClassName="w-60">
        <option value="">All projects</option>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Tag" value={search.tag} onChange={(e) => setSearch({ tag: e.target.value })} fieldClassName="w-48">
        <option value="">Any tag</option>
        {tagChoices.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </SelectField>
      {(search.project || search.tag) && (
        <Button variant="ghost" onClick={() => setSearch({ project: '', tag: '' })}>
          Clear filters
        </Button>
      )}
    </div>
  )
})
