/**
 * Instance API v1 (and the v2alpha1 private network interfaces and placement groups): one route table per resource,
 * joined. Block Storage volumes are in ../block.ts. Settling transitions is the router's job (server.ts calls
 * `settleAll` before routing).
 */
import type { Route } from '../http.ts'
import { imageRoutes } from './images.ts'
import { ipRoutes } from './ips.ts'
import { placementGroupRoutes } from './placement-groups.ts'
import { privateNicRoutes } from './private-nics.ts'
import { productRoutes } from './products.ts'
import { securityGroupRoutes } from './security-groups.ts'
import { serverRoutes } from './servers.ts'
import { userDataRoutes } from './user-data.ts'
import { volumeRoutes } from './volumes.ts'

export { settleAll } from './state-machine.ts'

export const instanceRoutes: Route[] = [
  ...serverRoutes,
  ...userDataRoutes,
  ...privateNicRoutes,
  ...placementGroupRoutes,
  ...ipRoutes,
  ...volumeRoutes,
  ...securityGroupRoutes,
  ...imageRoutes,
  ...productRoutes,
]
