import { InstanceDetailPage } from '@/features/instances/instance-detail-page'
import { ServerFlexibleIps } from '@/features/ips'

/** The instance page with what other features know about the server: app/ composes features. */
export function InstanceDetailRoute() {
  return <InstanceDetailPage sections={(server) => <ServerFlexibleIps server={server} />} />
}
