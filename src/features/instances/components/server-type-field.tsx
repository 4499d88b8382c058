import type { UseQueryResult } from '@tanstack/react-query'
import { Badge } from '@/components/ui/badge'
import { ErrorPanel } from '@/components/ui/error-panel'
import { SelectField } from '@/components/ui/field'
import { formatHourly, formatMemory, formatMonthly } from '@/lib/format'
import type { ServerTypeOption } from '../api/catalog-queries'

const AVAILABILITY: Record<ServerTypeOption['availability'], string> = {
  available: 'available',
  scarce: 'low stock',
  shortage: 'out of stock',
  unknown: 'availability unknown',
}

const describe = (o: ServerTypeOption) =>
  `${o.name} · ${o.type.ncpus} vCPU, ${formatMemory(o.type.ram)}${o.type.gpu ? `, ${o.type.gpu} GPU` : ''} · ${formatHourly(o.type.hourlyPrice)}` +
  (o.availability === 'available' ? '' : ` · ${AVAILABILITY[o.availability]}`)

interface ServerTypeFieldProps {
  zone: string
  types: UseQueryResult<ServerTypeOption[]>
  value: string
  onChange: (name: string) => void
  error?: string
}

/** The zone's server types, cheapest first, with price and availability; out-of-stock types cannot be picked. */
export function ServerTypeField({ zone, types, value, onChange, error }: ServerTypeFieldProps) {
  if (types.isError) return <ErrorPanel error={types.error} onRetry={() => void types.refetch()} />
  const selected = types.data?.find((o) => o.name === value)
  return (
    <div className="space-y-2">
      <SelectField
        label="Commercial type"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={types.isPending}
        error={error}
        description={types.isPending ? `Loading the server types of ${zone}…` : `${types.data.length} types offered in ${zone}.`}
      >
        <option value="">{types.isPending ? 'Loading…' : 'Choose a type'}</option>
        {types.data?.map((o) => (
          <option key={o.name} value={o.name} disabled={o.availability === 'shortage'}>
            {describe(o)}
          </option>
        ))}
      </SelectField>
      {selected && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <Badge tone={selected.availability === 'available' ? 'success' : 'warning'}>{AVAILABILITY[selected.availability]}</Badge>
          {selected.type.arch} · {selected.type.ncpus} vCPU · {formatMemory(selected.type.ram)}
          {selected.type.gpuInfo ? ` · ${selected.type.gpu}× ${selected.type.gpuInfo.gpuName}` : ''} ·{' '}
          <strong>{formatHourly(selected.type.hourlyPrice)}</strong>
          {selected.type.monthlyPrice !== undefined && <span>({formatMonthly(selected.type.monthlyPrice)})</span>}
        </p>
      )}
    </div>
  )
}
