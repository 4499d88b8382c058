/**
 * Product catalogue API v2alpha1 (global, public data): GET /product-catalog/v2alpha1/public-catalog/products, the
 * Instance offers only, derived from the server types a zone offers (catalog.ts). Shaped like the recorded answers
 * (`sequences/instance--data-source-server-type-basic.json` 3 / 24 / 45: DEV1-XL, RENDER-S, PRO2-XXS in fr-par-1):
 * `{products, total_count}`, `page` / `page_size`, filters `product_types`, `zone`, `api_ids` (repeated or
 * comma-separated). A product of another type (`product_types=block_storage`…) is not emulated: the list is empty.
 *
 * Recorded: the sku (`/compute/dev1_xl/run_par1`), variant, description with the hourly price, price in units + nanos,
 * RAM, network, GPU (`1 x P100`), the CPU of those three types, `status`, `unit_of_measure`. Modelled: the CPU model,
 * `range` and sharing of the other families (FAMILIES below) and the environmental estimate (proportional to the
 * vCPUs, from DEV1-XL's recorded figures).
 */
import { SERVER_TYPES, serverTypeNames, type ServerType } from './catalog.ts'
import { invalidArgument } from './errors.ts'
import { type Ctx, json, queryList, type Reply, type Route } from './http.ts'
import { globalList } from './pagination.ts'
import { isZone, type Zone, ZONES } from './store.ts'

interface Family {
  cpu: string
  range: string
  shared: boolean
}

/** By name prefix, most specific first. DEV1, PRO2 and RENDER are recorded; the rest is modelled. */
const FAMILIES: [prefix: string, family: Family][] = [
  ['DEV1-', { cpu: 'AMD EPYC™ 7281 (2.1 GHz) or equivalent', range: 'Development', shared: true }],
  ['STARDUST1-', { cpu: 'AMD EPYC™ 7281 (2.1 GHz) or equivalent', range: 'Development', shared: true }],
  ['PLAY2-', { cpu: 'AMD EPYC™ 7543 (2.8 GHz)', range: 'Learning', shared: true }],
  ['PRO2-', { cpu: 'AMD EPYC™ 7543 (2.8 GHz)', range: 'General Purpose', shared: true }],
  ['POP2-HM-', { cpu: 'AMD EPYC™ 7543 (2.8 GHz)', range: 'Memory Optimized', shared: false }],
  ['POP2-HC-', { cpu: 'AMD EPYC™ 7543 (2.8 GHz)', range: 'Compute Optimized', shared: false }],
  ['POP2-HN-', { cpu: 'AMD EPYC™ 7543 (2.8 GHz)', range: 'Network Optimized', shared: false }],
  ['POP2-', { cpu: 'AMD EPYC™ 7543 (2.8 GHz)', range: 'General Purpose', shared: false }],
  ['GP1-', { cpu: 'AMD EPYC™ 7401P (2.0 GHz)', range: 'General Purpose', shared: false }],
  ['RENDER-', { cpu: 'Intel Xeon Gold 6148 (2.4 GHz)', range: 'GPU', shared: false }],
  ['L4-', { cpu: 'AMD EPYC™ 7413 (2.65 GHz)', range: 'GPU', shared: false }],
  ['BASIC2-A', { cpu: 'Ampere Altra Max (3.0 GHz)', range: 'Cost Optimized', shared: true }],
  ['STANDARD2-A', { cpu: 'Ampere Altra Max (3.0 GHz)', range: 'General Purpose', shared: false }],
  ['BASIC3-', { cpu: 'AMD EPYC™ 9354P (3.25 GHz)', range: 'Cost Optimized', shared: true }],
  ['STANDARD3-', { cpu: 'AMD EPYC™ 9354P (3.25 GHz)', range: 'General Purpose', shared: false }],
  ['COMPUTE3-', { cpu: 'AMD EPYC™ 9354P (3.25 GHz)', range: 'Compute Optimized', shared: false }],
  ['MEMORY3-', { cpu: 'AMD EPYC™ 9354P (3.25 GHz)', range: 'Memory Optimized', shared: false }],
]
const LEGACY: Family = { cpu: 'Intel Xeon (legacy)', range: 'Legacy', shared: true }

const familyOf = (name: string): Family => FAMILIES.find(([prefix]) => name.startsWith(prefix))?.[1] ?? LEGACY

/** fr-par-1 -> par1 (the recorded sku suffix `run_par1`). */
const skuZone = (zone: Zone): string => zone.replace(/^[a-z]+-([a-z]+)-(\d)$/, '$1$2')

const bandwidth = (bps: number): string => (bps >= 1e9 ? `${bps / 1e9} Gb/s` : `${bps / 1e6} Mb/s`)

/** 0.065076 -> {units: 0, nanos: 65076000}; the description keeps the price's own digits. */
const money = (price: number): { currency_code: string; units: number; nanos: number } => {
  const units = Math.floor(price)
  return { currency_code: 'EUR', units, nanos: Math.round((price - units) * 1e9) }
}

const render = (zone: Zone, t: ServerType): Record<string, unknown> => {
  const family = familyOf(t.name)
  const arch = t.arch === 'x86_64' ? 'x64' : 'arm64'
  const ramGiB = t.ram / 1024 ** 3
  return {
    sku: `/compute/${t.name.toLowerCase().replace(/-/g, '_')}/run_${skuZone(zone)}`,
    service_category: 'Compute',
    product_category: 'Instance',
    product: t.name,
    variant: `${t.name} - ${zone}`,
    description: `${t.name} - ${zone} (${t.hourlyPrice}€ per hour)`,
    locality: { zone },
    price: { retail_price: money(t.hourlyPrice) },
    properties: {
      hardware: {
        cpu: {
          description: `${family.cpu}, ${arch}, vCPUs: ${t.ncpus}`,
          arch,
          type: family.cpu,
          virtual: { count: t.ncpus },
          threads: t.ncpus,
          shared: family.shared,
        },
        ram: { description: `${ramGiB} GiB`, size: t.ram, type: '', ecc_type: 'standard' },
        storage: { description: t.localSsd ? 'Dynamic local: 1 x SSD, Block' : 'Block', total: 0 },
        network: {
          description: `Internal: ${bandwidth(t.internalBandwidth)}, Public: ${bandwidth(t.internetBandwidth)}`,
          internal_bandwidth: t.internalBandwidth,
          public_bandwidth: t.internetBandwidth,
          max_public_bandwidth: t.internetBandwidth,
        },
        ...(t.gpuInfo ? { gpu: { description: `${t.gpu} x ${t.gpuInfo.name}`, count: t.gpu, type: t.gpuInfo.name } } : {}),
      },
      instance: { range: family.range, offer_id: t.name, recommended_replacement_offer_ids: [] },
    },
    environmental_impact_estimation: {
      kg_co2_equivalent: Number((0.0013644329 * t.ncpus / 4).toPrecision(8)),
      m3_water_usage: Number((9.6768076e-8 * t.ncpus / 4).toPrecision(8)),
    },
    unit_of_measure: { unit: 'hour', size: 1 },
    status: t.endOfService ? 'end_of_life' : 'general_availability',
    badges: [],
  }
}

const PRODUCT_TYPES = ['instance', 'app_service', 'kubernetes', 'dedibox', 'elastic_metal', 'block_storage', 'object_storage'] as const

const listProducts = (ctx: Ctx): Reply => {
  const q = ctx.query
  const zone = q.get('zone') || undefined
  if (zone !== undefined && !isZone(zone)) throw invalidArgument('zone', 'constraint', `unknown zone "${zone}"`)
  const types = queryList(q, 'product_types')
  for (const t of types) {
    if (!(PRODUCT_TYPES as readonly string[]).includes(t)) throw invalidArgument('product_types', 'constraint', `value must be one of ${PRODUCT_TYPES.join(', ')}`)
  }
  const ids = queryList(q, 'api_ids')
  const zones = zone ? [zone] : ZONES
  const offers = types.length === 0 || types.includes('instance')
    ? zones.flatMap((z) => serverTypeNames(z).map((name) => [z, SERVER_TYPES.get(name)!] as const))
    : []
  const { page, totalCount } = globalList(q, { items: offers, keep: ([, t]) => ids.length === 0 || ids.includes(t.name) })
  return json({ products: page.map(([z, t]) => render(z, t)), total_count: totalCount })
}

export const productCatalogRoutes: Route[] = [
  { method: 'GET', pattern: '/product-catalog/v2alpha1/public-catalog/products', product: 'public', resource: 'product', handler: listProducts },
]
