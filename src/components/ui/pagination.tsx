import { useId } from 'react'
import { Button } from './button'

interface PaginationProps {
  page: number
  perPage: number
  total: number
  onPageChange: (page: number) => void
  /** What is counted, plural ("instances"). */
  noun: string
  /** Offer a page-size choice (the API's per_page), e.g. [10, 20, 50, 100]. */
  perPageOptions?: readonly number[]
  onPerPageChange?: (perPage: number) => void
}

export function Pagination({ page, perPage, total, onPageChange, noun, perPageOptions, onPerPageChange }: PaginationProps) {
  const perPageId = useId()
  const pages = Math.max(1, Math.ceil(total / perPage))
  const first = total === 0 ? 0 : (page - 1) * perPage + 1
  const last = Math.min(total, page * perPage)
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-4 py-3 text-sm text-slate-600">
      <p aria-live="polite">
        {first}–{last} of {total} {noun}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        {perPageOptions && onPerPageChange && (
          <span className="flex items-center gap-2">
            <label htmlFor={perPageId}>Per page</label>
            <select
              id={perPageId}
              value={perPage}
              onChange={(e) => onPerPageChange(Number(e.target.value))}
              className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900"
            >
              {[...new Set([...perPageOptions, perPage])].sort((a, b) => a - b).map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </span>
        )}
        {pages > 1 && (
          <span className="flex items-center gap-2">
            <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
              Previous
            </Button>
            <span>
              Page {page} of {pages}
            </span>
            <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
              Next
            </Button>
          </span>
        )}
      </div>
    </nav>
  )
}
