import { QueryClientProvider } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { BrowserRouter } from 'react-router'
import { SessionProvider } from '@/features/session'
import { watchApiHealth } from '@/lib/scaleway/api-health'
import { createQueryClient } from '@/lib/query-client'
import { ApiStatusBanner } from './api-status-banner'
import { AppRoutes } from './router'

export function App() {
  const [queryClient] = useState(createQueryClient)
  // One watcher for the whole app: "no answer" anywhere pauses every query until the API is back.
  useEffect(() => watchApiHealth(queryClient), [queryClient])
  return (
    <QueryClientProvider client={queryClient}>
      <ApiStatusBanner />
      <SessionProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  )
}
