import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useSearchParams } from 'react-router'

/**
 * Typed URL search parameters: a page declares its schema once, reads one parsed
 * object (which goes straight into its query keys) and writes patches. Defaults
 * never appear in the URL, a value that does not parse falls back to the default
 * (and is reported in `invalid`, so the page can say so), and any change other than
 * the page number resets `page`: page 4 of one filter means nothing for another.
 */
export interface SearchParam<T> {
  /** The value, or undefined when the raw string is not valid for this parameter. */
  // Method syntax on purpose: a schema mixes parameters of different types.
  parse(raw: string): T | undefined
  serialize(value: T): string
  default: T
}

type Schema = Record<string, SearchParam<unknown>>
export type SearchValues<S extends Schema> = { [K in keyof S]: S[K]['default'] }

export const PAGE_PARAM = 'page'

export function stringParam(fallback = ''): SearchParam<string> {
  return { parse: (raw) => raw.trim(), serialize: (value) => value, default: fallback }
}

export function intParam(fallback: number, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}): SearchParam<number> {
  return {
    parse: (raw) => {
      const value = Number(raw)
      return Number.isInteger(value) && value >= min && value <= max ? value : undefined
    },
    serialize: String,
    default: fallback,
  }
}

export function enumParam<const V extends string, F extends V | ''>(values: readonly V[], fallback: F): SearchParam<V | F> {
  return {
    parse: (raw) => (values as readonly string[]).includes(raw) ? (raw as V) : undefined,
    serialize: (value) => value,
    default: fallback,
  }
}

/** A string that must pass `test` (a UUID, say); anything else is rejected. */
export function matchParam(test: (raw: string) => boolean, fallback = ''): SearchParam<string> {
  return { parse: (raw) => (test(raw) ? raw : undefined), serialize: (value) => value, default: fallback }
}

/** "web, prod ,, web" → ["web", "prod"]: a comma-separated list, trimmed, without empties or repeats. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(',').map((item) => item.trim()).filter(Boolean))]
}

/** A comma-separated list in the URL (`tags=web,prod`). */
export function listParam(): SearchParam<string[]> {
  return {
    parse: splitList,
    serialize: (value) => value.join(','),
    default: [],
  }
}

/**
 * Applies a patch of raw values (null = back to the default) to a copy of `params`.
 * Shared by the hook and by the shell's zone switcher, which knows no page schema.
 */
export function patchSearchParams(params: URLSearchParams, patch: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === '') next.delete(key)
    else next.set(key, value)
  }
  if (Object.keys(patch).some((key) => key !== PAGE_PARAM)) next.delete(PAGE_PARAM)
  return next
}

/** The raw patch for `values`: each serialized, defaults as null (left out of the URL). */
function rawPatch<S extends Schema>(schema: S, values: Partial<SearchValues<S>>): Record<string, string | null> {
  const raw: Record<string, string | null> = {}
  for (const [key, value] of Object.entries(values)) {
    const param = schema[key]
    if (!param) continue
    const serialized = param.serialize(value)
    raw[key] = serialized === param.serialize(param.default) ? null : serialized
  }
  return raw
}

/** A link into a page's view (`/instances?zone=all&state=stopped`), built from its schema: defaults stay out. */
export function searchPath<S extends Schema>(pathname: string, schema: S, values: Partial<SearchValues<S>>): string {
  const query = patchSearchParams(new URLSearchParams(), rawPatch(schema, values)).toString()
  return query ? `${pathname}?${query}` : pathname
}

export function useSearch<S extends Schema>(schema: S) {
  const [searchParams, setSearchParams] = useSearchParams()
  // The URL as this hook last wrote it. React Router renders a navigation in a
  // transition, so a second change made before that render (pick a state right
  // after typing a name) would otherwise start from the old URL and undo the first.
  const latest = useRef(searchParams)
  useEffect(() => {
    latest.current = searchParams
  }, [searchParams])

  const { search, invalid } = useMemo(() => {
    const values: Record<string, unknown> = {}
    const rejected: Partial<Record<keyof S, string>> = {}
    for (const [key, param] of Object.entries(schema)) {
      const raw = searchParams.get(key)
      const parsed = raw === null || raw === '' ? undefined : param.parse(raw)
      if (raw !== null && raw !== '' && parsed === undefined) rejected[key as keyof S] = raw
      values[key] = parsed ?? param.default
    }
    return { search: values as SearchValues<S>, invalid: rejected }
  }, [schema, searchParams])

  const setSearch = useCallback(
    (patch: Partial<SearchValues<S>>, options?: { replace?: boolean }) => {
      const next = patchSearchParams(latest.current, rawPatch(schema, patch))
      latest.current = next
      setSearchParams(next, options)
    },
    [schema, setSearchParams],
  )

  return { search, invalid, setSearch }
}
