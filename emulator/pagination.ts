/**
 * Pagination helpers.
 * Instance v1: `page` (1-based) + `per_page` (1..100, default 50), count in `X-Total-Count`, plus a `Link` header
 * shaped like the recordings: `</servers?page=2&per_page=50&order=creation_date_desc>; rel="next"`.
 * IAM / Account: `page` + `page_size` (1..100, default 20), `total_count` in the body.
 */
import { invalidArgument } from './errors.ts'

export interface PageRequest {
  page: number
  size: number
}

const parsePositiveInt = (query: URLSearchParams, name: string, fallback: number, max: number | null): number => {
  const raw = query.get(name)
  if (raw === null || raw === '') return fallback
  if (!/^-?\d+$/.test(raw.trim())) throw invalidArgument(name, 'format', 'value must be an integer')
  const value = Number(raw)
  if (value < 1) throw invalidArgument(name, 'constraint', 'value must be greater than or equal to 1')
  if (max !== null && value > max) throw invalidArgument(name, 'constraint', `value must be less than or equal to ${max}`)
  return value
}

export const parseInstancePage = (query: URLSearchParams): PageRequest => ({
  page: parsePositiveInt(query, 'page', 1, null),
  size: parsePositiveInt(query, 'per_page', 50, 100),
})

export const parseGlobalPage = (query: URLSearchParams): PageRequest => ({
  page: parsePositiveInt(query, 'page', 1, null),
  size: parsePositiveInt(query, 'page_size', 20, 100),
})

export const slicePage = <T>(items: readonly T[], page: PageRequest): T[] =>
  items.slice((page.page - 1) * page.size, page.page * page.size)

/** Instance `Link` header; `base` is the path after the zone, e.g. `/servers`. */
export const linkHeader = (base: string, query: URLSearchParams, page: PageRequest, total: number): string => {
  const extra: string[] = []
  for (const [key, value] of query) {
    if (key === 'page' || key === 'per_page') continue
    extra.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
  }
  const last = Math.max(1, Math.ceil(total / page.size))
  const href = (p: number): string => `<${base}?page=${p}&per_page=${page.size}&${extra.join('&')}>`
  const links: string[] = []
  if (page.page > 1) {
    links.push(`${href(1)}; rel="first"`)
    links.push(`${href(Math.min(page.page - 1, last))}; rel="previous"`)
  }
  if (page.page < last) links.push(`${href(page.page + 1)}; rel="next"`)
  links.push(`${href(last)}; rel="last"`)
  return links.join(',')
}

export const instancePageHeaders = (base: string, query: URLSearchParams, page: PageRequest, total: number): Record<string, string> => ({
  'X-Total-Count': String(total),
  Link: linkHeader(base, query, page, total),
})

/** What a list keeps and in which order (stable: ties keep store order). */
export interface ListSpec<T> {
  items: Iterable<T>
  keep?: (item: T) => boolean
  order?: (a: T, b: T) => number
}

const select = <T>(spec: ListSpec<T>): T[] => {
  const matches: T[] = []
  for (const item of spec.items) if (!spec.keep || spec.keep(item)) matches.push(item)
  if (spec.order) matches.sort(spec.order)
  return matches
}

/**
 * The one Instance list: parses `page` / `per_page`, filters, sorts, slices, and returns the page with its
 * `X-Total-Count` and `Link` headers. `base` is the path after the zone, e.g. `/servers`.
 */
export const instanceList = <T>(query: URLSearchParams, base: string, spec: ListSpec<T>): { page: T[]; headers: Record<string, string> } => {
  const page = parseInstancePage(query)
  const matches = select(spec)
  return { page: slicePage(matches, page), headers: instancePageHeaders(base, query, page, matches.length) }
}

/** The same for the zoned APIs with `page` / `page_size` and `total_count` in the body (Block Storage). */
export const globalList = <T>(query: URLSearchParams, spec: ListSpec<T>): { page: T[]; totalCount: number } => {
  const page = parseGlobalPage(query)
  const matches = select(spec)
  return { page: slicePage(matches, page), totalCount: matches.length }
}
