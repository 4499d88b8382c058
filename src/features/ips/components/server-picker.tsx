import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { ErrorPanel } from '@/components/ui/error-panel'
import { Field } from '@/components/ui/field'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { instanceQueries } from '@/features/instances'
import { useScalewayClient } from '@/features/session'

const SHOWN = 20

interface ServerPickerProps {
  zone: string
  /** Only servers of this project: the API refuses an IP on another project's server. */
  project: string
  exclude?: string
  value: string | undefined
  onChange: (id: string) => void
}

/** A searchable choice of a zone's servers (the search goes to the API's `name` filter). */
export function ServerPicker({ zone, project, exclude, value, onChange }: ServerPickerProps) {
  const client = useScalewayClient()
  const legend = useId()
  const [text, setText] = useState('')
  const name = useDebouncedValue(text.trim())
  const servers = useQuery(
    instanceQueries.page(client, { zone, project, name, state: '', tags: [], order: 'creation_date_desc', page: 1, perPage: SHOWN + 1 }),
  )
  const choices = (servers.data?.items ?? []).filter((s) => s.id !== exclude).slice(0, SHOWN)
  return (
    <fieldset aria-labelledby={legend} className="space-y-2">
      <legend id={legend} className="text-sm font-medium text-slate-800">
        Server
      </legend>
      <Field label="Search servers by name" type="search" value={text} onChange={(e) => setText(e.target.value)} className="font-sans" autoFocus />
      {servers.isError ? (
        <ErrorPanel error={servers.error} onRetry={() => void servers.refetch()} />
      ) : (
        <div role="radiogroup" aria-labelledby={legend} aria-busy={servers.isFetching} className="max-h-60 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-1">
          {servers.isPending && <p className="p-2 text-sm text-slate-500">Loading servers of {zone}…</p>}
          {!servers.isPending && choices.length === 0 && <p className="p-2 text-sm text-slate-500">No server of this project in {zone} matches.</p>}
          {choices.map((s) => (
            <label key={s.id} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50">
              <input type="radio" name={legend} value={s.id} checked={value === s.id} onChange={() => onChange(s.id)} className="accent-brand-600" />
              <span className="font-medium">{s.name}</span>
              <span className="text-xs text-slate-500">
                {s.state} · {s.commercialType}
                {s.publicIps.length ? ` · ${s.publicIps.map((ip) => ip.address).join(', ')}` : ''}
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  )
}
