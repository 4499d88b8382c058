export { instanceQueries, instanceZoneFilter, isMoving, type Server } from './api/instance-queries'
export { serverPath } from './server-links'
