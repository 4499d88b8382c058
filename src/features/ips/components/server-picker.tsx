import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { ErrorPanel } from '@/components/ui/error-panel'
import { Field } from '@/components/ui/field'
import { RadioList } from '@/components/ui/radio-list'
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
  onChange: (id: string | undefined) => void
}

/** A searchable choice of a zone's servers (the search goes to the API's `name` filter). */
export function ServerPicker({ zone, project, exclude, value, onChange }: ServerPickerProps) {
  const client = useScalewayClient()
  const [text, setText] = useState('')
  const name = useDebouncedValue(text.trim())
  const servers = useQuery(
    instanceQueries.page(client, { zone, project, name, state: '', tags: [], order: 'creation_date_desc', page: 1, perPage: SHOWN + 1 }),
  )
  const choices = (servers.data?.items ?? []).filter((s) => s.id !== exclude).slice(0, SHOWN)
  // A pick the search no longer shows is dropped: nothing is confirmed that cannot be seen.
  const stillShown = value === undefined || choices.some((s) => s.id === value)
  useEffect(() => {
    if (!stillShown && !servers.isFetching) onChange(undefined)
  }, [stillShown, servers.isFetching, onChange])

  if (servers.isError) return <ErrorPanel error={servers.error} onRetry={() => void servers.refetch()} />
  return (
    <RadioList
      legend="Server"
      value={value}
      onChange={onChange}
      busy={servers.isFetching}
      empty={servers.isPending ? `Loading servers of ${zone}…` : `No server of this project in ${zone} matches.`}
      choices={choices.map((s) => ({
        value: s.id,
        label: <span className="font-medium">{s.name}</span>,
        detail: `${s.state} · ${s.commercialType}${s.publicIps.length ? ` · ${s.publicIps.map((ip) => ip.address).join(', ')}` : ''}`,
      }))}
    >
      <Field
        label="Search servers by name"
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        // Enter searches; it never confirms the dialog around it.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        className="font-sans"
        autoFocus
      />
    </RadioList>
  )
}
