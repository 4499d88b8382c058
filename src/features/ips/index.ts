export { ipQueries } from './ip-queries'
