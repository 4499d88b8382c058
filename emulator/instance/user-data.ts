/**
 * A server's user data (cloud-init and other keys), as recorded in
 * `sequences/instance--server-user-data-without-cloud-init-at-start.json`:
 * - GET /servers/{id}/user_data -> `{"user_data": ["cloud-init", ...]}` (the keys, in the order they were set);
 * - PATCH /servers/{id}/user_data/{key} with the value as a text body (`Content-Type: text/plain`) -> 204;
 * - GET /servers/{id}/user_data/{key} -> the value as text (`Content-Type: text/plain`);
 * - DELETE /servers/{id}/user_data/{key} -> 204.
 * An unknown key is 404 not_found `instance_user_data` (modelled: not recorded). Keys are 1-100 characters of
 * letters, digits, `-` and `_`; values at most 1 MB (the router's body limit).
 */
import { invalidArgument, notFound } from '../errors.ts'
import { type Ctx, json, noContent, type Reply, type Route, text, zoneParam } from '../http.ts'
import { findServer } from './lookup.ts'

const KEY = /^[A-Za-z0-9_-]{1,100}$/

const keyParam = (ctx: Ctx): string => {
  const key = ctx.params.key ?? ''
  if (!KEY.test(key)) throw invalidArgument('key', 'format', 'key must be 1 to 100 letters, digits, "-" or "_"')
  return key
}

const listUserData = (ctx: Ctx): Reply => {
  const server = findServer(ctx, zoneParam(ctx).data, 'read')
  return json({ user_data: [...server.userData.keys()] })
}

const getUserData = (ctx: Ctx): Reply => {
  const server = findServer(ctx, zoneParam(ctx).data, 'read')
  const key = keyParam(ctx)
  const value = server.userData.get(key)
  if (value === undefined) throw notFound('instance_user_data', key)
  return text(value)
}

const setUserData = (ctx: Ctx): Reply => {
  const server = findServer(ctx, zoneParam(ctx).data, 'write')
  server.userData.set(keyParam(ctx), ctx.raw)
  server.modificationDate = ctx.now
  return noContent()
}

const deleteUserData = (ctx: Ctx): Reply => {
  const server = findServer(ctx, zoneParam(ctx).data, 'write', 'delete')
  const key = keyParam(ctx)
  if (!server.userData.delete(key)) throw notFound('instance_user_data', key)
  return noContent()
}

const U = '/instance/v1/zones/:zone/servers/:id/user_data'
export const userDataRoutes: Route[] = [
  { method: 'GET', pattern: U, product: 'instance', resource: 'server', handler: listUserData },
  { method: 'GET', pattern: `${U}/:key`, product: 'instance', resource: 'server', handler: getUserData },
  { method: 'PATCH', pattern: `${U}/:key`, product: 'instance', resource: 'server', rawBody: true, handler: setUserData },
  { method: 'DELETE', pattern: `${U}/:key`, product: 'instance', resource: 'server', handler: deleteUserData },
]
