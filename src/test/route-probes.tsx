import { useLayoutEffect } from 'react'
import { type Location, type RouteObject, useLocation, useRoutes } from 'react-router'

/** Route objects rendered as `<Routes>` renders its `<Route>` children. */
export function RouteTable({ routes }: { routes: RouteObject[] }) {
  return useRoutes(routes)
}

/** Tells where the router is each time it draws a new location. */
export function LocationProbe({ onChange }: { onChange: (location: Location) => void }) {
  const location = useLocation()
  useLayoutEffect(() => {
    onChange(location)
  }, [location, onChange])
  return null
}
