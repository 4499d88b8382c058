export { ipQueries } from './api/ip-queries'
export { ServerFlexibleIps } from './components/server-flexible-ips'
