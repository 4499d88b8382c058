export { instanceQueries, instanceZoneFilter, type Server, type ServerState } from './api/instance-queries'
export { ALL_SERVERS, instancesPath } from './instances-search'
export { serverPath } from './server-links'
