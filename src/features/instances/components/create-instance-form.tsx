import randomName from '@scaleway/random-name'
import { Errors } from '@scaleway/sdk-client'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState, type FormEvent } from 'react'
import { Button } from '@/components/ui/button'
import { ErrorPanel } from '@/components/ui/error-panel'
import { Field, SelectField } from '@/components/ui/field'
import { ProjectField } from '@/components/ui/project-field'
import { ZoneField } from '@/components/ui/zone-field'
import { isUuid } from '@/lib/scaleway/path-params'
import { useProjects } from '@/lib/scaleway/project-queries'
import { useExclusive } from '@/lib/use-exclusive'
import { useScalewayClient } from '@/features/session'
import { catalogQueries } from '../api/catalog-queries'
import { useCreateServer, type CreateServerInput } from '../api/use-create-server'
import { invalidArgumentFor } from '@/lib/scaleway/errors'
import { parseTags, validateServerName } from '../server-form'
import { ServerTypeField } from './server-type-field'

type FieldName = 'name' | 'commercial_type' | 'image' | 'project'

interface CreateInstanceFormProps {
  zone: string
  onZoneChange: (zone: string) => void
  defaultProject: string | undefined
  onCreated: (server: { id: string; name: string; zone: string }) => void
}

/** Checked before any request; the API's own refusals land on their fields; nothing typed is lost. */
export function CreateInstanceForm({ zone, onZoneChange, defaultProject, onCreated }: CreateInstanceFormProps) {
  const client = useScalewayClient()
  const types = useQuery(catalogQueries.serverTypes(client, zone))
  const images = useQuery(catalogQueries.publicImages(client, zone))
  const projects = useProjects(client)
  const create = useCreateServer(client)
  // One server (and one reserved IP) however fast "Create instance" is pressed.
  const [submitOnce] = useExclusive(async (input: CreateServerInput) => {
    const server = await create.mutateAsync(input)
    onCreated({ id: server.id, name: server.name, zone: input.zone })
  })

  const [name, setName] = useState(() => randomName('scw'))
  const [type, setType] = useState('')
  const [image, setImage] = useState('')
  const [project, setProject] = useState<string>()
  const [tags, setTags] = useState('')
  const [withNewIp, setWithNewIp] = useState(true)
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({})

  const projectId = project ?? defaultProject ?? ''
  // A type or image picked in another zone may not exist in this one.
  const chosenType = types.data?.find((o) => o.name === type)
  const arch = chosenType?.type.arch
  // One entry per image name for the chosen type's architecture.
  const imageChoices = useMemo(() => {
    const seen = new Map<string, { id: string; label: string }>()
    for (const i of images.data ?? []) {
      if (arch && i.arch !== arch) continue
      const label = `${i.name} (${i.arch})`
      if (!seen.has(label)) seen.set(label, { id: i.id, label })
    }
    return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label))
  }, [images.data, arch])
  const imageStillValid = imageChoices.some((c) => c.id === image)

  function submit(event: FormEvent) {
    event.preventDefault()
    const next: Partial<Record<FieldName, string>> = {
      name: validateServerName(name),
      commercial_type: chosenType ? undefined : `Choose a commercial type offered in ${zone}.`,
      image: image && imageStillValid ? undefined : `Choose an image for ${arch ?? 'this type'}.`,
      project: isUuid(projectId) ? undefined : 'Choose a project (a project id is a UUID).',
    }
    setErrors(next)
    if (Object.values(next).some(Boolean)) return
    void submitOnce({ zone, name, commercialType: type, image, project: projectId, tags: parseTags(tags), withNewIp })
  }

  const apiError = (field: FieldName) => errors[field] ?? invalidArgumentFor(create.error, field)
  const unplaced = create.error instanceof Errors.InvalidArgumentsError
    ? create.error.details.some((d) => !['name', 'commercial_type', 'image', 'project'].includes(d.argumentName.split('.')[0] ?? ''))
    : create.isError

  return (
    <form noValidate onSubmit={submit} className="max-w-2xl space-y-5 rounded-lg border border-slate-200 bg-white p-6">
      {create.error instanceof Errors.QuotasExceededError && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-semibold">Quota exceeded</p>
          {create.error.list.map((q) => (
            <p key={q.resource}>
              {q.resource}: {q.current} of {q.quota} used. Delete unused resources or ask Scaleway support to raise the quota.
            </p>
          ))}
        </div>
      )}
      {unplaced && !(create.error instanceof Errors.QuotasExceededError) && <ErrorPanel error={create.error} />}
      <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} error={apiError('name')} maxLength={255} />
      <ZoneField value={zone} onChange={onZoneChange} />
      <ServerTypeField zone={zone} types={types} value={chosenType ? type : ''} onChange={setType} error={apiError('commercial_type')} />
      {images.isError ? (
        <ErrorPanel error={images.error} onRetry={() => void images.refetch()} />
      ) : (
        <SelectField
          label="Image"
          value={imageStillValid ? image : ''}
          onChange={(e) => setImage(e.target.value)}
          disabled={images.isPending}
          error={apiError('image')}
          description={arch ? `Public images for ${arch}, the type's architecture.` : 'Choose a type first to see the images that run on it.'}
        >
          <option value="">{images.isPending ? 'Loading…' : 'Choose an image'}</option>
          {imageChoices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </SelectField>
      )}
      <ProjectField projects={projects} value={projectId} onChange={setProject} error={apiError('project')} emptyLabel="Choose a project" />
      <Field label="Tags" value={tags} onChange={(e) => setTags(e.target.value)} description="Comma-separated, e.g. web, prod." className="font-sans" error={invalidArgumentFor(create.error, 'tags')} />
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-0.5 size-4 accent-brand-600" checked={withNewIp} onChange={(e) => setWithNewIp(e.target.checked)} />
        <span>
          <span className="font-medium text-slate-900">Attach a new flexible IP</span>
          <span className="block text-slate-600">Reserves a routed IPv4 address in {zone} and attaches it. It is billed until released.</span>
        </span>
      </label>
      <Button type="submit" aria-disabled={create.isPending || undefined}>
        {create.isPending ? 'Creating instance…' : 'Create instance'}
      </Button>
    </form>
  )
}
