import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { ErrorPanel } from '@/components/ui/error-panel'
import { Field } from '@/components/ui/field'
import { useScalewayClient } from '@/features/session'
import type { Server } from '../api/instance-queries'
import { useUpdateServer } from '../api/use-update-server'
import { invalidArgumentFor, parseTags, validateServerName } from '../server-form'

/** Rename, tags and protection: each saved on its own, shown at once, rolled back if Scaleway refuses. */
export function InstanceSettings({ server }: { server: Server }) {
  return (
    <section aria-labelledby="settings-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="settings-heading" className="mb-3 text-base font-semibold text-slate-900">
        Settings
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <RenameForm server={server} />
        <TagsForm server={server} />
      </div>
      <ProtectionToggle server={server} />
    </section>
  )
}

function RenameForm({ server }: { server: Server }) {
  const update = useUpdateServer(useScalewayClient())
  const [name, setName] = useState(server.name)
  const [error, setError] = useState<string>()

  function submit(event: FormEvent) {
    event.preventDefault()
    const problem = validateServerName(name)
    setError(problem)
    if (problem || name === server.name || update.isPending) return
    update.mutate({ zone: server.zone, id: server.id, patch: { name } })
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <Field
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error ?? invalidArgumentFor(update.error, 'name')}
        maxLength={255}
      />
      <Button type="submit" variant="secondary" size="sm" disabled={update.isPending}>
        {update.isPending ? 'Renaming…' : 'Rename'}
      </Button>
      {update.isError && !invalidArgumentFor(update.error, 'name') && <ErrorPanel error={update.error} />}
    </form>
  )
}

function TagsForm({ server }: { server: Server }) {
  const update = useUpdateServer(useScalewayClient())
  const [text, setText] = useState(server.tags.join(', '))

  function submit(event: FormEvent) {
    event.preventDefault()
    if (update.isPending) return
    update.mutate({ zone: server.zone, id: server.id, patch: { tags: parseTags(text) } })
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <Field
        label="Tags"
        value={text}
        onChange={(e) => setText(e.target.value)}
        description="Comma-separated."
        error={invalidArgumentFor(update.error, 'tags')}
        className="font-sans"
      />
      <Button type="submit" variant="secondary" size="sm" disabled={update.isPending}>
        {update.isPending ? 'Saving tags…' : 'Save tags'}
      </Button>
      {update.isError && !invalidArgumentFor(update.error, 'tags') && <ErrorPanel error={update.error} />}
    </form>
  )
}

function ProtectionToggle({ server }: { server: Server }) {
  const update = useUpdateServer(useScalewayClient())
  return (
    <div className="mt-4 space-y-2 border-t border-slate-100 pt-4">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-brand-600"
          checked={server.protected}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ zone: server.zone, id: server.id, patch: { protected: e.target.checked } })}
        />
        <span>
          <span className="font-medium text-slate-900">Protection</span>
          <span className="block text-slate-600">
            A protected server cannot be powered off, rebooted, stopped in place, terminated or deleted.
          </span>
        </span>
      </label>
      {update.isError && <ErrorPanel error={update.error} />}
    </div>
  )
}
