import type { Client } from '@scaleway/sdk-client'
import type { Instancev1 } from '@scaleway/sdk-instance'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { uuidParam, zoneParam } from '@/lib/scaleway/path-params'
import { instanceApi, invalidateServer, serverWriteScope } from './instance-queries'

export type ServerAction = Extract<Instancev1.ServerAction, 'poweron' | 'poweroff' | 'reboot' | 'stop_in_place' | 'terminate'>

export interface ServerActionVariables {
  zone: string
  id: string
  action: ServerAction
}

/**
 * POST /servers/{id}/action. Stays pending until the server and its zone's lists are
 * read again, so the badge shows the new state (and polling follows it) as the button
 * frees. A refusal reads them again too: it usually means the page was out of date.
 * Writes to one server are queued (`serverWriteScope`): a second action waits for the first.
 */
export function useServerAction(client: Client, serverId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    scope: serverWriteScope(serverId),
    mutationFn: ({ zone, id, action }: ServerActionVariables) =>
      instanceApi(client).serverAction({ zone: zoneParam(zone), serverId: uuidParam(id, 'server id'), action }),
    onSettled: (_task, _error, { zone, id }) => invalidateServer(queryClient, client, zone, id),
  })
}
