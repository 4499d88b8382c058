import { useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { ErrorPanel } from '@/components/ui/error-panel'
import { Field } from '@/components/ui/field'
import { useExclusive } from '@/lib/use-exclusive'
import { useScalewayClient } from '@/features/session'
import type { Server } from '../api/instance-queries'
import { useUpdateServer, type ServerPatch } from '../api/use-update-server'
import { invalidArgumentFor } from '@/lib/scaleway/errors'
import { parseTags, validateServerName } from '../server-form'

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

/** One PATCH of this server, sent once however fast it is asked for. */
function useServerPatch(server: Server) {
  const update = useUpdateServer(useScalewayClient(), server.id)
  const [send] = useExclusive((patch: ServerPatch) => update.mutateAsync({ zone: server.zone, id: server.id, patch }))
  return { update, send }
}

function RenameForm({ server }: { server: Server }) {
  const { update, send } = useServerPatch(server)
  const [name, setName] = useState(server.name)
  const [error, setError] = useState<string>()
  const apiError = invalidArgumentFor(update.error, 'name')

  function submit(event: FormEvent) {
    event.preventDefault()
    const problem = validateServerName(name)
    setError(problem)
    if (!problem && name !== server.name) void send({ name })
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} error={error ?? apiError} maxLength={255} />
      <Button type="submit" variant="secondary" size="sm" aria-disabled={update.isPending || undefined}>
        {update.isPending ? 'Renaming…' : 'Rename'}
      </Button>
      {update.isError && !apiError && <ErrorPanel error={update.error} />}
    </form>
  )
}

function TagsForm({ server }: { server: Server }) {
  const { update, send } = useServerPatch(server)
  const [text, setText] = useState(server.tags.join(', '))
  const apiError = invalidArgumentFor(update.error, 'tags')

  function submit(event: FormEvent) {
    event.preventDefault()
    void send({ tags: parseTags(text) })
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <Field label="Tags" value={text} onChange={(e) => setText(e.target.value)} description="Comma-separated." error={apiError} className="font-sans" />
      <Button type="submit" variant="secondary" size="sm" aria-disabled={update.isPending || undefined}>
        {update.isPending ? 'Saving tags…' : 'Save tags'}
      </Button>
      {update.isError && !apiError && <ErrorPanel error={update.error} />}
    </form>
  )
}

function ProtectionToggle({ server }: { server: Server }) {
  const { update, send } = useServerPatch(server)
  return (
    <div className="mt-4 space-y-2 border-t border-slate-100 pt-4">
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-brand-600"
          checked={server.protected}
          onChange={(e) => void send({ protected: e.target.checked })}
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
