import { useSearchParams } from 'react-router'

/** `?page=` as a positive integer (1 when missing or garbled), and a setter that keeps other params. */
export function usePageParam(): [number, (page: number) => void] {
  const [searchParams, setSearchParams] = useSearchParams()
  const parsed = Number(searchParams.get('page'))
  const page = Number.isInteger(parsed) && parsed > 0 ? parsed : 1
  const setPage = (next: number) =>
    setSearchParams((params) => {
      params.set('page', String(next))
      return params
    })
  return [page, setPage]
}
