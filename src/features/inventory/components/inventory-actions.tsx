import { memo } from 'react'
import { Button } from '@/components/ui/button'
import { formatExact, formatRelative } from '@/lib/format'
import { useNow } from '@/lib/use-now'
import { downloadText, exportRows, toCsv, toJson, type ExportInput } from '../inventory-export'

interface InventoryActionsProps {
  updatedAt: number
  isFetching: boolean
  isComplete: boolean
  unreadZones: string[]
  onRefresh: () => void
  exportInput: ExportInput
}

/** "Updated … ago", "Refresh", "Export CSV" and "Export JSON". Memoised, as everything the inventory page hands down. */
export const InventoryActions = memo(function InventoryActions({
  updatedAt,
  isFetching,
  isComplete,
  unreadZones,
  onRefresh,
  exportInput,
}: InventoryActionsProps) {
  const now = useNow()
  const stamp = new Date().toISOString().slice(0, 10)
  const exportAs = (kind: 'csv' | 'json') => {
    const rows = exportRows(exportInput)
    if (kind === 'csv') downloadText(`scaleway-inventory-${stamp}.csv`, toCsv(rows), 'text/csv;charset=utf-8')
    else downloadText(`scaleway-inventory-${stamp}.json`, toJson(rows, unreadZones, new Date()), 'application/json')
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={onRefresh} disabled={isFetching} aria-busy={isFetching}>
          {isFetching ? 'Refreshing…' : 'Refresh'}
        </Button>
        <Button variant="secondary" onClick={() => exportAs('csv')} disabled={!isComplete}>
          Export CSV
        </Button>
        <Button variant="secondary" onClick={() => exportAs('json')} disabled={!isComplete}>
          Export JSON
        </Button>
      </div>
      <p className="text-xs text-slate-600">
        {updatedAt > 0 ? (
          <time dateTime={new Date(updatedAt).toISOString()} title={formatExact(new Date(updatedAt))}>
            Updated {formatRelative(new Date(updatedAt), now)}
          </time>
        ) : (
          'Not loaded yet'
        )}
        {!isComplete && ' · export once every zone has answered'}
        {isComplete && unreadZones.length > 0 && ` · the export leaves out ${unreadZones.join(', ')} (not readable)`}
      </p>
    </div>
  )
})
