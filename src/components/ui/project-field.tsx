import type { ProjectNames } from '@/lib/scaleway/project-queries'
import { Field, SelectField } from './field'

interface ProjectFieldProps {
  projects: ProjectNames
  value: string
  onChange: (id: string) => void
  error?: string
  /** The empty choice: "All projects" for a filter, "Choose a project" for a form. */
  emptyLabel: string
}

/**
 * The organisation's projects by name. A key that may not list them (403) gets a text
 * field for a project id instead; a value not in the list (from a link) stays selectable.
 */
export function ProjectField({ projects, value, onChange, error, emptyLabel }: ProjectFieldProps) {
  if (projects.error) {
    return <Field label="Project" value={value} onChange={(e) => onChange(e.target.value)} error={error} description="This key may not list projects: enter a project id." />
  }
  return (
    <SelectField label="Project" value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      <option value="">{emptyLabel}</option>
      {value && !projects.projects.some((p) => p.id === value) && <option value={value}>{value}</option>}
      {projects.projects.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </SelectField>
  )
}
