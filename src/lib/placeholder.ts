/**
 * `placeholderData` for paginated lists: keep showing the previous page while the
 * next one loads, but only within the same zone. Across zones the old rows would be
 * labelled with the new zone (and link to the wrong place), so the list shows its
 * loading state instead.
 */
export function keepPreviousPageOfZone<T>(zone: string) {
  return (previous: T | undefined, previousQuery?: { queryKey: readonly unknown[] }): T | undefined => {
    const params = previousQuery?.queryKey.at(-1)
    const sameZone = typeof params === 'object' && params !== null && (params as { zone?: unknown }).zone === zone
    return sameZone ? previous : undefined
  }
}
