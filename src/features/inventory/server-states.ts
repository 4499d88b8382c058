import type { ServerState } from '@/features/instances'

/** Each state's colour in the inventory's cards and charts (text always names the state too). */
export const STATE_COLORS: Record<ServerState, { color: string; dot: string }> = {
  running: { color: 'text-emerald-500', dot: 'bg-emerald-500' },
  stopped: { color: 'text-slate-400', dot: 'bg-slate-400' },
  'stopped in place': { color: 'text-amber-500', dot: 'bg-amber-500' },
  starting: { color: 'text-sky-500', dot: 'bg-sky-500' },
  stopping: { color: 'text-indigo-400', dot: 'bg-indigo-400' },
  locked: { color: 'text-red-500', dot: 'bg-red-500' },
}

/** The order states are listed in: what runs first, what needs a look last. */
export const STATE_ORDER: readonly ServerState[] = ['running', 'stopped', 'stopped in place', 'starting', 'stopping', 'locked']
