/**
 * One table for the /api rule (`isScalewayApiPath`), run against the Vite proxy
 * (scripts/api-proxy.test.ts) and against the nginx recipe (scripts/nginx.test.ts): both must
 * forward and refuse exactly the same raw request targets.
 */

/** Forwarded: the upstream receives each target with `/api` removed, byte for byte. */
export const FORWARDED_TARGETS = [
  '/api/instance/v1/zones/fr-par-1/servers?page=2&per_page=50',
  '/api/instance/v1/zones/fr-par-1/servers/11111111-1111-4111-8111-111111111111/action',
  '/api/iam/v1alpha1/api-keys/SCWXXXXXXXXXXXXXXXXX',
  '/api/account/v3/projects?organization_id=6867048b-fe12-4e96-835e-41c79a39604b',
  '/api/block/v1/zones/fr-par-1/volumes',
  '/api/marketplace/v2/local-images?zone=fr-par-1&image_label=ubuntu_noble',
  '/api/domain/v2beta1/dns-zones',
  // Dots inside a segment, dot segments and slashes in the query, encoded bytes: all kept as sent.
  '/api/instance/v1/zones/fr-par-1/servers?name=web..1&tags=a%2F..%2Fb',
  '/api/instance/v1/zones/fr-par-1/servers/my..server',
  '/api/ipam/v1/regions/fr-par/ips?tags=a%20b',
  '/api/instance/v1//zones/fr-par-1/servers',
] as const

/** Refused: 404 from the app server, nothing reaches the upstream. */
export const REFUSED_TARGETS = [
  '/api',
  '/api/',
  '/api?page=1',
  '/api/__emulator/reset',
  '/api/__emulator/requests',
  '/api/health',
  '/api/instance',
  '/api/instance/v1',
  '/api/Instance/v1/zones',
  '/api/instance/1/zones',
  '/api/instance/v1beta/zones',
  '/api//instance/v1/zones',
  '/api/instance/v1/../../__emulator/reset',
  '/api/instance/v1/./zones',
  '/api/instance/v1/zones/..',
  '/api/instance/v1/zones/fr-par-1/servers/..%2F..%2F..%2F..%2F..%2Fiam%2Fv1alpha1%2Fapi-keys%3F',
  '/api/instance/v1/%2e%2e/%2E%2E/__emulator/reset',
  '/api/instance/v1/zones\\..\\..\\__emulator\\reset',
  '/api/instance/v1/zones%5C..%5C__emulator',
] as const
