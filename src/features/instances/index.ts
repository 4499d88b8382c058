export { instanceQueries, instanceZoneFilter, type Server } from './api/instance-queries'
export { serverPath } from './server-links'
