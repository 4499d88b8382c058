import { ZONES, zoneLabel } from '@/lib/scaleway/localities'
import { SelectField } from './field'

/** A zone for something to be created in. */
export function ZoneField({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  return (
    <SelectField label="Zone" value={value} onChange={(e) => onChange(e.target.value)}>
      {ZONES.map((zone) => (
        <option key={zone} value={zone}>
          {zone} · {zoneLabel(zone)}
        </option>
      ))}
    </SelectField>
  )
}
