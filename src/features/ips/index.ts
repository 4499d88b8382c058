export { ipQueries, ipLabel, type Ip } from './api/ip-queries'
export { ServerFlexibleIps } from './components/server-flexible-ips'
export { ipsPath } from './ips-search'
