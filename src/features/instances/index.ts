export { instanceQueries } from './api/instance-queries'
