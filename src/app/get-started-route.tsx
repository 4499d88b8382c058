import { useEffect } from 'react'
import { useNavigationType } from 'react-router'
import { WalkthroughProvider } from '@/features/get-started'
import { useSession } from '@/features/session'
import { AppShell } from './app-shell'
import { PublicShell } from './public-shell'

/**
 * Get started, signed in (inside the console's shell) or signed out (the same frame with a Sign in link). The
 * walkthrough's state sits above both, so "Sign in with this key", which swaps one frame for the other, keeps it.
 */
export function GetStartedRoute() {
  const { accessKey } = useSession()
  const navigation = useNavigationType()
  // This route has its own frame: arriving from another page mounts it anew, and the link that had focus is gone.
  // Put focus on the page, as the shell does when it stays (a first load keeps the browser's default).
  useEffect(() => {
    if (navigation !== 'POP' && document.activeElement === document.body) document.getElementById('main')?.focus()
  }, [navigation])
  return <WalkthroughProvider>{accessKey ? <AppShell /> : <PublicShell />}</WalkthroughProvider>
}
