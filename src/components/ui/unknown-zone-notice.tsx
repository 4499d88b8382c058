export function UnknownZoneNotice({ unknownZone, zone }: { unknownZone: string | null; zone: string }) {
  if (!unknownZone) return null
  return (
    <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      “{unknownZone}” is not a zone this console knows; showing {zone} instead.
    </p>
  )
}
