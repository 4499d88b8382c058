/**
 * Instance API v1 (and the Block Storage v1 volumes its servers boot from): one route table per resource, joined.
 * Settling server transitions is the router's job (server.ts calls `settleAll` before routing).
 */
import type { Route } from '../http.ts'
import { imageRoutes } from './images.ts'
import { ipRoutes } from './ips.ts'
import { productRoutes } from './products.ts'
import { securityGroupRoutes } from './security-groups.ts'
import { serverRoutes } from './servers.ts'
import { blockRoutes, volumeRoutes } from './volumes.ts'

export { settleAll } from './state-machine.ts'
export { blockRoutes }

export const instanceRoutes: Route[] = [
  ...serverRoutes,
  ...ipRoutes,
  ...volumeRoutes,
  ...securityGroupRoutes,
  ...imageRoutes,
  ...productRoutes,
]
