/**
 * Instance server types, as named objects, and which zone offers which.
 *
 * The specs and prices are the real fr-par-1 catalogue: the 135 types of GET /products/servers pages 1-3 recorded in
 * `sequences/instance--data-source-server-basic.json` (interactions 0-2, July 2026; page 2 is also
 * `instance_list_server_types_page2.json`). pl-waw-1 serves exactly the 34 types of
 * `instance_list_server_types_pl_waw_1.json` (same specs and prices as fr-par-1). The lists of the other zones are
 * modelled (nothing recorded): subsets of those two, see ZONE_TYPES.
 *
 * Availability: fr-par-1 is the recording `sequences/instance--data-source-server-type-basic.json` (17 scarce,
 * 13 shortage); pl-waw-1 is `instance_server_types_availability.json` (all available); the other zones are modelled.
 */
import type { Zone } from './store.ts'

export interface GpuInfo {
  manufacturer: string
  name: string
  memory: number
}

export interface ServerType {
  name: string
  arch: 'x86_64' | 'arm64'
  ncpus: number
  /** RAM in bytes. */
  ram: number
  gpu: number
  gpuInfo: GpuInfo | null
  altNames: string[]
  hourlyPrice: number
  monthlyPrice: number
  /** `volumes_constraint.max_size` (its `min_size` is 0 for every recorded type). */
  volumesMaxSize: number
  /** Local SSD capable: `per_volume_constraint.l_ssd` is 1 GB..800 GB and `hot_snapshots_local_volume` is true. */
  localSsd: boolean
  scratchMaxSize: number
  scratchMaxVolumes: number
  maxFileSystems: number
  internalBandwidth: number
  internetBandwidth: number
  blockBandwidth: number
  endOfService: boolean
}

export type Availability = 'available' | 'scarce' | 'shortage'

interface Row {
  name: string
  arch: 'x86_64' | 'arm64'
  ncpus: number
  ramGiB: number
  hourly: number
  monthly: number
  gpu?: number
  gpuInfo?: GpuInfo
  volumesMax?: number
  localSsd?: boolean
  scratchMax?: number
  scratchVolumes?: number
  fileSystems?: number
  internal: number
  /** Only where it differs from `internal`. */
  internet?: number
  block: number
  altNames?: string[]
  endOfService?: boolean
}

const type = (r: Row): ServerType => ({
  name: r.name,
  arch: r.arch,
  ncpus: r.ncpus,
  ram: r.ramGiB * 1024 ** 3,
  gpu: r.gpu ?? 0,
  gpuInfo: r.gpuInfo ?? null,
  altNames: r.altNames ?? [],
  hourlyPrice: r.hourly,
  monthlyPrice: r.monthly,
  volumesMaxSize: r.volumesMax ?? 0,
  localSsd: r.localSsd ?? false,
  scratchMaxSize: r.scratchMax ?? 0,
  scratchMaxVolumes: r.scratchVolumes ?? 0,
  maxFileSystems: r.fileSystems ?? 0,
  internalBandwidth: r.internal,
  internetBandwidth: r.internet ?? r.internal,
  blockBandwidth: r.block,
  endOfService: r.endOfService ?? false,
})

/** The recorded fr-par-1 catalogue, sorted by name (the API pages it in this order). */
const ROWS: Row[] = [
  { name: 'BASIC2-A12C-24G', arch: 'arm64', ncpus: 12, ramGiB: 24, hourly: 0.1578, monthly: 115.194, internal: 1200e6, block: 335544320 },
  { name: 'BASIC2-A12C-48G', arch: 'arm64', ncpus: 12, ramGiB: 48, hourly: 0.1807, monthly: 131.911, internal: 1200e6, block: 335544320 },
  { name: 'BASIC2-A16C-32G', arch: 'arm64', ncpus: 16, ramGiB: 32, hourly: 0.2067, monthly: 150.891, internal: 1600e6, block: 503316480 },
  { name: 'BASIC2-A16C-64G', arch: 'arm64', ncpus: 16, ramGiB: 64, hourly: 0.2756, monthly: 201.188, internal: 1600e6, block: 503316480 },
  { name: 'BASIC2-A2C-4G', arch: 'arm64', ncpus: 2, ramGiB: 4, hourly: 0.023, monthly: 16.79, internal: 200e6, block: 83886080 },
  { name: 'BASIC2-A2C-8G', arch: 'arm64', ncpus: 2, ramGiB: 8, hourly: 0.0345, monthly: 25.185, internal: 200e6, block: 83886080 },
  { name: 'BASIC2-A4C-16G', arch: 'arm64', ncpus: 4, ramGiB: 16, hourly: 0.0689, monthly: 50.297, internal: 400e6, block: 125829120 },
  { name: 'BASIC2-A4C-8G', arch: 'arm64', ncpus: 4, ramGiB: 8, hourly: 0.0517, monthly: 37.741, internal: 400e6, block: 125829120 },
  { name: 'BASIC2-A6C-12G', arch: 'arm64', ncpus: 6, ramGiB: 12, hourly: 0.0789, monthly: 57.597, internal: 600e6, block: 188743680 },
  { name: 'BASIC2-A6C-24G', arch: 'arm64', ncpus: 6, ramGiB: 24, hourly: 0.0903, monthly: 65.919, internal: 600e6, block: 188743680 },
  { name: 'BASIC2-A8C-16G', arch: 'arm64', ncpus: 8, ramGiB: 16, hourly: 0.1034, monthly: 75.482, internal: 800e6, block: 251658240 },
  { name: 'BASIC2-A8C-32G', arch: 'arm64', ncpus: 8, ramGiB: 32, hourly: 0.1378, monthly: 100.594, internal: 800e6, block: 251658240 },
  { name: 'BASIC3-X12C-24G', arch: 'x86_64', ncpus: 12, ramGiB: 24, hourly: 0.2711, monthly: 197.903, fileSystems: 4, internal: 2250e6, block: 786432000 },
  { name: 'BASIC3-X12C-48G', arch: 'x86_64', ncpus: 12, ramGiB: 48, hourly: 0.3104, monthly: 226.592, fileSystems: 4, internal: 2250e6, block: 786432000 },
  { name: 'BASIC3-X16C-32G', arch: 'x86_64', ncpus: 16, ramGiB: 32, hourly: 0.355247, monthly: 259.33031, fileSystems: 4, internal: 3e9, block: 1048576000 },
  { name: 'BASIC3-X16C-64G', arch: 'x86_64', ncpus: 16, ramGiB: 64, hourly: 0.473285, monthly: 345.49805, fileSystems: 8, internal: 3e9, block: 1048576000 },
  { name: 'BASIC3-X2C-4G', arch: 'x86_64', ncpus: 2, ramGiB: 4, hourly: 0.039449, monthly: 28.79777, fileSystems: 1, internal: 350e6, block: 131072000 },
  { name: 'BASIC3-X2C-8G', arch: 'x86_64', ncpus: 2, ramGiB: 8, hourly: 0.059225, monthly: 43.23425, fileSystems: 1, internal: 350e6, block: 131072000 },
  { name: 'BASIC3-X4C-16G', arch: 'x86_64', ncpus: 4, ramGiB: 16, hourly: 0.11845, monthly: 86.4685, fileSystems: 2, internal: 700e6, block: 262144000 },
  { name: 'BASIC3-X4C-8G', arch: 'x86_64', ncpus: 4, ramGiB: 8, hourly: 0.079001, monthly: 57.67073, fileSystems: 1, internal: 700e6, block: 262144000 },
  { name: 'BASIC3-X6C-12G', arch: 'x86_64', ncpus: 6, ramGiB: 12, hourly: 0.1356, monthly: 98.988, fileSystems: 2, internal: 1050e6, block: 393216000 },
  { name: 'BASIC3-X6C-24G', arch: 'x86_64', ncpus: 6, ramGiB: 24, hourly: 0.1553, monthly: 113.369, fileSystems: 2, internal: 1050e6, block: 393216000 },
  { name: 'BASIC3-X8C-16G', arch: 'x86_64', ncpus: 8, ramGiB: 16, hourly: 0.177675, monthly: 129.70275, fileSystems: 2, internal: 1500e6, block: 524288000 },
  { name: 'BASIC3-X8C-32G', arch: 'x86_64', ncpus: 8, ramGiB: 32, hourly: 0.236797, monthly: 172.86181, fileSystems: 4, internal: 1500e6, block: 524288000 },
  { name: 'COMPUTE3-X12C-24G', arch: 'x86_64', ncpus: 12, ramGiB: 24, hourly: 0.3511, monthly: 256.317, scratchMax: 240e9, scratchVolumes: 2, fileSystems: 4, internal: 4e9, block: 500170752 },
  { name: 'COMPUTE3-X16C-32G', arch: 'x86_64', ncpus: 16, ramGiB: 32, hourly: 0.4682, monthly: 341.786, scratchMax: 320e9, scratchVolumes: 4, fileSystems: 4, internal: 4e9, block: 500170752 },
  { name: 'COMPUTE3-X24C-48G', arch: 'x86_64', ncpus: 24, ramGiB: 48, hourly: 0.7022, monthly: 512.3176, scratchMax: 480e9, scratchVolumes: 4, fileSystems: 4, internal: 6e9, block: 749731840 },
  { name: 'COMPUTE3-X2C-4G', arch: 'x86_64', ncpus: 2, ramGiB: 4, hourly: 0.0585, monthly: 42.705, scratchMax: 40e9, scratchVolumes: 1, fileSystems: 1, internal: 4e9, internet: 500e6, block: 500170752 },
  { name: 'COMPUTE3-X32C-64G', arch: 'x86_64', ncpus: 32, ramGiB: 64, hourly: 0.9363, monthly: 683.499, scratchMax: 640e9, scratchVolumes: 4, fileSystems: 8, internal: 8e9, block: 1000341504 },
  { name: 'COMPUTE3-X48C-96G', arch: 'x86_64', ncpus: 48, ramGiB: 96, hourly: 1.397, monthly: 1019.81, scratchMax: 960e9, scratchVolumes: 8, fileSystems: 8, internal: 16e9, block: 1999634432 },
  { name: 'COMPUTE3-X4C-8G', arch: 'x86_64', ncpus: 4, ramGiB: 8, hourly: 0.117, monthly: 85.41, scratchMax: 80e9, scratchVolumes: 2, fileSystems: 2, internal: 4e9, internet: 1e9, block: 500170752 },
  { name: 'COMPUTE3-X64C-128G', arch: 'x86_64', ncpus: 64, ramGiB: 128, hourly: 1.8726, monthly: 1366.998, scratchMax: 1280e9, scratchVolumes: 8, fileSystems: 8, internal: 16e9, block: 1999634432 },
  { name: 'COMPUTE3-X6C-12G', arch: 'x86_64', ncpus: 6, ramGiB: 12, hourly: 0.1756, monthly: 128.1588, scratchMax: 120e9, scratchVolumes: 2, fileSystems: 3, internal: 4e9, internet: 1500e6, block: 500170752 },
  { name: 'COMPUTE3-X8C-16G', arch: 'x86_64', ncpus: 8, ramGiB: 16, hourly: 0.2341, monthly: 170.893, scratchMax: 160e9, scratchVolumes: 2, fileSystems: 4, internal: 4e9, internet: 2e9, block: 500170752 },
  { name: 'COMPUTE3-X96C-192G', arch: 'x86_64', ncpus: 96, ramGiB: 192, hourly: 2.794, monthly: 2039.62, scratchMax: 1280e9, scratchVolumes: 8, fileSystems: 8, internal: 16e9, block: 1999634432 },
  { name: 'DEV1-L', arch: 'x86_64', ncpus: 4, ramGiB: 8, hourly: 0.04284, monthly: 31.2732, volumesMax: 80e9, localSsd: true, internal: 400e6, block: 209715200 },
  { name: 'DEV1-M', arch: 'x86_64', ncpus: 3, ramGiB: 4, hourly: 0.020196, monthly: 14.74308, volumesMax: 40e9, localSsd: true, internal: 300e6, block: 157286400 },
  { name: 'DEV1-S', arch: 'x86_64', ncpus: 2, ramGiB: 2, hourly: 0.008976, monthly: 6.55248, volumesMax: 20e9, localSsd: true, internal: 200e6, block: 104857600 },
  { name: 'DEV1-XL', arch: 'x86_64', ncpus: 4, ramGiB: 12, hourly: 0.065076, monthly: 47.50548, volumesMax: 120e9, localSsd: true, internal: 500e6, block: 262144000 },
  { name: 'GP1-L', arch: 'x86_64', ncpus: 32, ramGiB: 128, hourly: 0.77418, monthly: 565.1514, volumesMax: 600e9, localSsd: true, internal: 5e9, block: 1073741824 },
  { name: 'GP1-M', arch: 'x86_64', ncpus: 16, ramGiB: 64, hourly: 0.38352, monthly: 279.9696, volumesMax: 600e9, localSsd: true, internal: 1500e6, block: 838860800 },
  { name: 'GP1-S', arch: 'x86_64', ncpus: 8, ramGiB: 32, hourly: 0.19074, monthly: 139.2402, volumesMax: 300e9, localSsd: true, internal: 800e6, block: 524288000 },
  { name: 'GP1-XL', arch: 'x86_64', ncpus: 48, ramGiB: 256, hourly: 1.67382, monthly: 1221.8886, volumesMax: 600e9, localSsd: true, internal: 10e9, block: 2147483648 },
  { name: 'GP1-XS', arch: 'x86_64', ncpus: 4, ramGiB: 16, hourly: 0.09282, monthly: 67.7586, volumesMax: 150e9, localSsd: true, internal: 500e6, block: 314572800 },
  { name: 'L4-1-24G', arch: 'x86_64', ncpus: 8, ramGiB: 48, hourly: 0.7875, monthly: 574.875, gpu: 1, gpuInfo: { manufacturer: 'NVIDIA', name: 'L4', memory: 25769803776 }, fileSystems: 2, internal: 2500e6, block: 1048576000 },
  { name: 'L4-2-24G', arch: 'x86_64', ncpus: 16, ramGiB: 96, hourly: 1.575, monthly: 1149.75, gpu: 2, gpuInfo: { manufacturer: 'NVIDIA', name: 'L4', memory: 25769803776 }, fileSystems: 4, internal: 5e9, block: 1572864000 },
  { name: 'L4-4-24G', arch: 'x86_64', ncpus: 32, ramGiB: 192, hourly: 3.15, monthly: 2299.5, gpu: 4, gpuInfo: { manufacturer: 'NVIDIA', name: 'L4', memory: 25769803776 }, fileSystems: 8, internal: 10e9, block: 2621440000 },
  { name: 'L4-8-24G', arch: 'x86_64', ncpus: 64, ramGiB: 384, hourly: 6.3, monthly: 4599.0, gpu: 8, gpuInfo: { manufacturer: 'NVIDIA', name: 'L4', memory: 25769803776 }, fileSystems: 16, internal: 20e9, block: 5242880000 },
  { name: 'MEMORY3-X12C-96G', arch: 'x86_64', ncpus: 12, ramGiB: 96, hourly: 0.6798, monthly: 496.254, scratchMax: 240e9, scratchVolumes: 2, fileSystems: 4, internal: 4e9, block: 500170752 },
  { name: 'MEMORY3-X16C-128G', arch: 'x86_64', ncpus: 16, ramGiB: 128, hourly: 0.9064, monthly: 661.672, scratchMax: 320e9, scratchVolumes: 4, fileSystems: 4, internal: 4e9, block: 500170752 },
  { name: 'MEMORY3-X2C-16G', arch: 'x86_64', ncpus: 2, ramGiB: 16, hourly: 0.1133, monthly: 82.709, scratchMax: 40e9, scratchVolumes: 1, fileSystems: 1, internal: 4e9, internet: 500e6, block: 500170752 },
  { name: 'MEMORY3-X32C-256G', arch: 'x86_64', ncpus: 32, ramGiB: 256, hourly: 1.8128, monthly: 1323.344, scratchMax: 640e9, scratchVolumes: 4, fileSystems: 8, internal: 8e9, block: 1000341504 },
  { name: 'MEMORY3-X48C-384G', arch: 'x86_64', ncpus: 48, ramGiB: 384, hourly: 2.717, monthly: 1983.41, scratchMax: 960e9, scratchVolumes: 8, fileSystems: 8, internal: 16e9, block: 1999634432 },
  { name: 'MEMORY3-X4C-32G', arch: 'x86_64', ncpus: 4, ramGiB: 32, hourly: 0.2266, monthly: 165.418, scratchMax: 80e9, scratchVolumes: 2, fileSystems: 2, internal: 4e9, internet: 1e9, block: 500170752 },
  { name: 'MEMORY3-X6C-48G', arch: 'x86_64', ncpus: 6, ramGiB: 48, hourly: 0.3399, monthly: 248.127, scratchMax: 120e9, scratchVolumes: 2, fileSystems: 3, internal: 4e9, internet: 1500e6, block: 500170752 },
  { name: 'MEMORY3-X8C-64G', arch: 'x86_64', ncpus: 8, ramGiB: 64, hourly: 0.4532, monthly: 330.836, scratchMax: 160e9, scratchVolumes: 2, fileSystems: 4, internal: 4e9, internet: 2e9, block: 500170752 },
  { name: 'PLAY2-MICRO', arch: 'x86_64', ncpus: 4, ramGiB: 8, hourly: 0.05508, monthly: 40.2084, internal: 400e6, block: 167772160 },
  { name: 'PLAY2-NANO', arch: 'x86_64', ncpus: 2, ramGiB: 4, hourly: 0.02754, monthly: 20.1042, internal: 200e6, block: 83886080 },
  { name: 'PLAY2-PICO', arch: 'x86_64', ncpus: 1, ramGiB: 2, hourly: 0.01428, monthly: 10.4244, internal: 100e6, block: 41943040 },
  { name: 'POP2-12C-48G', arch: 'x86_64', ncpus: 12, ramGiB: 48, hourly: 0.435, monthly: 317.55, fileSystems: 3, internal: 2400e6, block: 2516582400 },
  { name: 'POP2-16C-64G', arch: 'x86_64', ncpus: 16, ramGiB: 64, hourly: 0.59, monthly: 430.7, fileSystems: 4, internal: 3200e6, block: 3355443200 },
  { name: 'POP2-16C-64G-WIN', arch: 'x86_64', ncpus: 16, ramGiB: 64, hourly: 1.4567, monthly: 1063.391, internal: 3200e6, block: 3355443200 },
  { name: 'POP2-24C-96G', arch: 'x86_64', ncpus: 24, ramGiB: 96, hourly: 0.885, monthly: 643.05, fileSystems: 6, internal: 4800e6, block: 3355443200 },
  { name: 'POP2-2C-8G', arch: 'x86_64', ncpus: 2, ramGiB: 8, hourly: 0.0735, monthly: 53.655, fileSystems: 1, internal: 400e6, block: 419430400 },
  { name: 'POP2-2C-8G-WIN', arch: 'x86_64', ncpus: 2, ramGiB: 8, hourly: 0.1823, monthly: 133.079, internal: 400e6, block: 419430400 },
  { name: 'POP2-32C-128G', arch: 'x86_64', ncpus: 32, ramGiB: 128, hourly: 1.18, monthly: 861.4, fileSystems: 8, internal: 6400e6, block: 5905580032 },
  { name: 'POP2-32C-128G-WIN', arch: 'x86_64', ncpus: 32, ramGiB: 128, hourly: 2.9133, monthly: 2126.709, internal: 6400e6, block: 5905580032 },
  { name: 'POP2-48C-192G', arch: 'x86_64', ncpus: 48, ramGiB: 192, hourly: 1.77, monthly: 1292.1, fileSystems: 12, internal: 9600e6, block: 5905580032 },
  { name: 'POP2-4C-16G', arch: 'x86_64', ncpus: 4, ramGiB: 16, hourly: 0.147, monthly: 107.31, fileSystems: 1, internal: 800e6, block: 838860800 },
  { name: 'POP2-4C-16G-WIN', arch: 'x86_64', ncpus: 4, ramGiB: 16, hourly: 0.3637, monthly: 265.501, internal: 800e6, block: 838860800 },
  { name: 'POP2-64C-256G', arch: 'x86_64', ncpus: 64, ramGiB: 256, hourly: 2.35, monthly: 1715.5, fileSystems: 16, internal: 12800e6, block: 5905580032 },
  { name: 'POP2-6C-24G', arch: 'x86_64', ncpus: 6, ramGiB: 24, hourly: 0.225, monthly: 160.965, fileSystems: 1, internal: 1200e6, block: 1258291200 },
  { name: 'POP2-8C-32G', arch: 'x86_64', ncpus: 8, ramGiB: 32, hourly: 0.29, monthly: 211.7, fileSystems: 2, internal: 1600e6, block: 1677721600 },
  { name: 'POP2-8C-32G-WIN', arch: 'x86_64', ncpus: 8, ramGiB: 32, hourly: 0.7233, monthly: 528.009, internal: 1600e6, block: 1677721600 },
  { name: 'POP2-HC-12C-24G', arch: 'x86_64', ncpus: 12, ramGiB: 24, hourly: 0.3192, monthly: 233.016, fileSystems: 3, internal: 2400e6, block: 2516582400 },
  { name: 'POP2-HC-16C-32G', arch: 'x86_64', ncpus: 16, ramGiB: 32, hourly: 0.4256, monthly: 310.688, fileSystems: 4, internal: 3200e6, block: 3355443200 },
  { name: 'POP2-HC-24C-48G', arch: 'x86_64', ncpus: 24, ramGiB: 48, hourly: 0.6384, monthly: 466.032, fileSystems: 6, internal: 4800e6, block: 3355443200 },
  { name: 'POP2-HC-2C-4G', arch: 'x86_64', ncpus: 2, ramGiB: 4, hourly: 0.0532, monthly: 38.836, fileSystems: 1, internal: 400e6, block: 419430400 },
  { name: 'POP2-HC-32C-64G', arch: 'x86_64', ncpus: 32, ramGiB: 64, hourly: 0.8512, monthly: 621.376, fileSystems: 8, internal: 6400e6, block: 5905580032 },
  { name: 'POP2-HC-48C-96G', arch: 'x86_64', ncpus: 48, ramGiB: 96, hourly: 1.27, monthly: 927.1, fileSystems: 12, internal: 9600e6, block: 5905580032 },
  { name: 'POP2-HC-4C-8G', arch: 'x86_64', ncpus: 4, ramGiB: 8, hourly: 0.1064, monthly: 77.672, fileSystems: 1, internal: 800e6, block: 838860800 },
  { name: 'POP2-HC-64C-128G', arch: 'x86_64', ncpus: 64, ramGiB: 128, hourly: 1.7024, monthly: 1242.752, fileSystems: 16, internal: 12800e6, block: 5905580032 },
  { name: 'POP2-HC-6C-12G', arch: 'x86_64', ncpus: 6, ramGiB: 12, hourly: 0.1596, monthly: 116.508, fileSystems: 1, internal: 1200e6, block: 1258291200 },
  { name: 'POP2-HC-8C-16G', arch: 'x86_64', ncpus: 8, ramGiB: 16, hourly: 0.2128, monthly: 155.344, fileSystems: 2, internal: 1600e6, block: 1677721600 },
  { name: 'POP2-HM-12C-96G', arch: 'x86_64', ncpus: 12, ramGiB: 96, hourly: 0.618, monthly: 451.14, fileSystems: 3, internal: 2400e6, block: 2516582400 },
  { name: 'POP2-HM-16C-128G', arch: 'x86_64', ncpus: 16, ramGiB: 128, hourly: 0.824, monthly: 601.52, fileSystems: 4, internal: 3200e6, block: 3355443200 },
  { name: 'POP2-HM-24C-192G', arch: 'x86_64', ncpus: 24, ramGiB: 192, hourly: 1.236, monthly: 902.28, fileSystems: 6, internal: 4800e6, block: 3355443200 },
  { name: 'POP2-HM-2C-16G', arch: 'x86_64', ncpus: 2, ramGiB: 16, hourly: 0.103, monthly: 75.19, fileSystems: 2, internal: 400e6, block: 419430400 },
  { name: 'POP2-HM-32C-256G', arch: 'x86_64', ncpus: 32, ramGiB: 256, hourly: 1.648, monthly: 1203.04, fileSystems: 8, internal: 6400e6, block: 5905580032 },
  { name: 'POP2-HM-48C-384G', arch: 'x86_64', ncpus: 48, ramGiB: 384, hourly: 2.47, monthly: 1803.1, fileSystems: 12, internal: 9600e6, block: 5905580032 },
  { name: 'POP2-HM-4C-32G', arch: 'x86_64', ncpus: 4, ramGiB: 32, hourly: 0.206, monthly: 150.38, fileSystems: 1, internal: 800e6, block: 838860800 },
  { name: 'POP2-HM-64C-512G', arch: 'x86_64', ncpus: 64, ramGiB: 512, hourly: 3.296, monthly: 2406.08, fileSystems: 16, internal: 12800e6, block: 5905580032 },
  { name: 'POP2-HM-6C-48G', arch: 'x86_64', ncpus: 6, ramGiB: 48, hourly: 0.309, monthly: 225.57, fileSystems: 1, internal: 1200e6, block: 1258291200 },
  { name: 'POP2-HM-8C-64G', arch: 'x86_64', ncpus: 8, ramGiB: 64, hourly: 0.412, monthly: 300.76, fileSystems: 2, internal: 1600e6, block: 1677721600 },
  { name: 'POP2-HN-10', arch: 'x86_64', ncpus: 4, ramGiB: 8, hourly: 0.7264, monthly: 530.272, fileSystems: 1, internal: 10e9, block: 838860800 },
  { name: 'POP2-HN-3', arch: 'x86_64', ncpus: 2, ramGiB: 4, hourly: 0.2554, monthly: 186.442, fileSystems: 1, internal: 3e9, block: 419430400 },
  { name: 'POP2-HN-5', arch: 'x86_64', ncpus: 4, ramGiB: 8, hourly: 0.4524, monthly: 330.252, fileSystems: 1, internal: 5e9, block: 838860800 },
  { name: 'PRO2-L', arch: 'x86_64', ncpus: 32, ramGiB: 128, hourly: 0.89454, monthly: 653.0142, internal: 6e9, block: 2097152000 },
  { name: 'PRO2-M', arch: 'x86_64', ncpus: 16, ramGiB: 64, hourly: 0.44676, monthly: 326.1348, internal: 3e9, block: 1048576000 },
  { name: 'PRO2-S', arch: 'x86_64', ncpus: 8, ramGiB: 32, hourly: 0.22338, monthly: 163.0674, internal: 1500e6, block: 524288000 },
  { name: 'PRO2-XS', arch: 'x86_64', ncpus: 4, ramGiB: 16, hourly: 0.1122, monthly: 81.906, internal: 700e6, block: 262144000 },
  { name: 'PRO2-XXS', arch: 'x86_64', ncpus: 2, ramGiB: 8, hourly: 0.0561, monthly: 40.953, internal: 350e6, block: 131072000 },
  { name: 'RENDER-S', arch: 'x86_64', ncpus: 10, ramGiB: 42, hourly: 1.221, monthly: 891.33, gpu: 1, gpuInfo: { manufacturer: 'NVIDIA', name: 'P100', memory: 17179869184 }, volumesMax: 400e9, localSsd: true, internal: 2e9, block: 2147483648 },
  { name: 'STANDARD2-A12C-48G', arch: 'arm64', ncpus: 12, ramGiB: 48, hourly: 0.3068, monthly: 223.964, fileSystems: 4, internal: 2400e6, block: 2516582400 },
  { name: 'STANDARD2-A16C-64G', arch: 'arm64', ncpus: 16, ramGiB: 64, hourly: 0.5039, monthly: 367.847, fileSystems: 4, internal: 3200e6, block: 3355443200 },
  { name: 'STANDARD2-A24C-96G', arch: 'arm64', ncpus: 24, ramGiB: 96, hourly: 0.6551, monthly: 478.223, fileSystems: 6, internal: 4800e6, block: 5033164800 },
  { name: 'STANDARD2-A2C-8G', arch: 'arm64', ncpus: 2, ramGiB: 8, hourly: 0.0586, monthly: 42.778, fileSystems: 1, internal: 400e6, block: 419430400 },
  { name: 'STANDARD2-A32C-128G', arch: 'arm64', ncpus: 32, ramGiB: 128, hourly: 1.1978, monthly: 874.394, fileSystems: 8, internal: 6400e6, block: 5033164800 },
  { name: 'STANDARD2-A48C-192G', arch: 'arm64', ncpus: 48, ramGiB: 192, hourly: 1.5117, monthly: 1103.541, fileSystems: 8, internal: 9600e6, block: 5033164800 },
  { name: 'STANDARD2-A4C-16G', arch: 'arm64', ncpus: 4, ramGiB: 16, hourly: 0.1171, monthly: 85.483, fileSystems: 2, internal: 800e6, block: 838860800 },
  { name: 'STANDARD2-A64C-256G', arch: 'arm64', ncpus: 64, ramGiB: 256, hourly: 2.0142, monthly: 1470.366, fileSystems: 8, internal: 12800e6, block: 5033164800 },
  { name: 'STANDARD2-A6C-24G', arch: 'arm64', ncpus: 6, ramGiB: 24, hourly: 0.1533, monthly: 111.909, fileSystems: 3, internal: 1200e6, block: 1258291200 },
  { name: 'STANDARD2-A8C-32G', arch: 'arm64', ncpus: 8, ramGiB: 32, hourly: 0.2343, monthly: 171.039, fileSystems: 4, internal: 1600e6, block: 1677721600 },
  { name: 'STANDARD3-X12C-48G', arch: 'x86_64', ncpus: 12, ramGiB: 48, hourly: 0.4626, monthly: 337.698, scratchMax: 240e9, scratchVolumes: 2, fileSystems: 4, internal: 4e9, block: 500170752 },
  { name: 'STANDARD3-X16C-64G', arch: 'x86_64', ncpus: 16, ramGiB: 64, hourly: 0.649, monthly: 473.77, scratchMax: 320e9, scratchVolumes: 4, fileSystems: 4, internal: 4e9, block: 500170752 },
  { name: 'STANDARD3-X24C-96G', arch: 'x86_64', ncpus: 24, ramGiB: 96, hourly: 0.9411, monthly: 687.003, scratchMax: 480e9, scratchVolumes: 4, fileSystems: 6, internal: 6e9, block: 749731840 },
  { name: 'STANDARD3-X2C-8G', arch: 'x86_64', ncpus: 2, ramGiB: 8, hourly: 0.0809, monthly: 59.057, scratchMax: 40e9, scratchVolumes: 1, fileSystems: 1, internal: 4e9, internet: 500e6, block: 500170752 },
  { name: 'STANDARD3-X32C-128G', arch: 'x86_64', ncpus: 32, ramGiB: 128, hourly: 1.298, monthly: 947.54, scratchMax: 640e9, scratchVolumes: 4, fileSystems: 8, internal: 8e9, block: 1000341504 },
  { name: 'STANDARD3-X48C-192G', arch: 'x86_64', ncpus: 48, ramGiB: 192, hourly: 1.947, monthly: 1421.31, scratchMax: 960e9, scratchVolumes: 8, fileSystems: 8, internal: 16e9, block: 1999634432 },
  { name: 'STANDARD3-X4C-16G', arch: 'x86_64', ncpus: 4, ramGiB: 16, hourly: 0.1617, monthly: 118.041, scratchMax: 80e9, scratchVolumes: 2, fileSystems: 2, internal: 4e9, internet: 1e9, block: 500170752 },
  { name: 'STANDARD3-X64C-256G', arch: 'x86_64', ncpus: 64, ramGiB: 256, hourly: 2.585, monthly: 1887.05, scratchMax: 1280e9, scratchVolumes: 8, fileSystems: 8, internal: 16e9, block: 1999634432 },
  { name: 'STANDARD3-X6C-24G', arch: 'x86_64', ncpus: 6, ramGiB: 24, hourly: 0.2425, monthly: 177.185, scratchMax: 120e9, scratchVolumes: 2, fileSystems: 3, internal: 4e9, internet: 1500e6, block: 500170752 },
  { name: 'STANDARD3-X8C-32G', arch: 'x86_64', ncpus: 8, ramGiB: 32, hourly: 0.319, monthly: 232.87, scratchMax: 160e9, scratchVolumes: 2, fileSystems: 4, internal: 4e9, internet: 2e9, block: 500170752 },
  { name: 'STARDUST1-S', arch: 'x86_64', ncpus: 1, ramGiB: 1, hourly: 0.0006, monthly: 0.438, volumesMax: 10e9, localSsd: true, internal: 100e6, block: 52428800 },
  { name: 'START1-L', arch: 'x86_64', ncpus: 8, ramGiB: 8, hourly: 0.0368, monthly: 26.864, volumesMax: 200e9, localSsd: true, internal: 400e6, block: 41943040, endOfService: true },
  { name: 'START1-M', arch: 'x86_64', ncpus: 4, ramGiB: 4, hourly: 0.0194, monthly: 14.162, volumesMax: 100e9, localSsd: true, internal: 300e6, block: 41943040, endOfService: true },
  { name: 'START1-S', arch: 'x86_64', ncpus: 2, ramGiB: 2, hourly: 0.0106, monthly: 7.738, volumesMax: 50e9, localSsd: true, internal: 200e6, block: 41943040, endOfService: true },
  { name: 'START1-XS', arch: 'x86_64', ncpus: 1, ramGiB: 1, hourly: 0.0062, monthly: 4.526, volumesMax: 25e9, localSsd: true, internal: 100e6, block: 41943040, endOfService: true },
  { name: 'VC1L', arch: 'x86_64', ncpus: 6, ramGiB: 8, hourly: 0.02468, monthly: 18.0164, volumesMax: 200e9, localSsd: true, internal: 200e6, block: 41943040, altNames: ['X64-8GB'], endOfService: true },
  { name: 'VC1M', arch: 'x86_64', ncpus: 4, ramGiB: 4, hourly: 0.01555, monthly: 11.3515, volumesMax: 100e9, localSsd: true, internal: 200e6, block: 41943040, altNames: ['X64-4GB'], endOfService: true },
  { name: 'VC1S', arch: 'x86_64', ncpus: 2, ramGiB: 2, hourly: 0.00862, monthly: 6.2926, volumesMax: 50e9, localSsd: true, internal: 200e6, block: 41943040, altNames: ['X64-2GB'], endOfService: true },
  { name: 'X64-120GB', arch: 'x86_64', ncpus: 12, ramGiB: 120, hourly: 0.42574, monthly: 310.7902, volumesMax: 800e9, localSsd: true, internal: 1e9, block: 41943040, endOfService: true },
  { name: 'X64-15GB', arch: 'x86_64', ncpus: 6, ramGiB: 15, hourly: 0.06032, monthly: 44.0336, volumesMax: 200e9, localSsd: true, internal: 250e6, block: 41943040, endOfService: true },
  { name: 'X64-30GB', arch: 'x86_64', ncpus: 8, ramGiB: 30, hourly: 0.11906, monthly: 86.9138, volumesMax: 400e9, localSsd: true, internal: 500e6, block: 41943040, endOfService: true },
  { name: 'X64-60GB', arch: 'x86_64', ncpus: 10, ramGiB: 60, hourly: 0.213, monthly: 155.49, volumesMax: 700e9, localSsd: true, internal: 1e9, block: 41943040, endOfService: true },
]

export const SERVER_TYPES: ReadonlyMap<string, ServerType> = new Map(ROWS.map((r) => [r.name, type(r)]))

const ALL = [...SERVER_TYPES.keys()]
const family = (...prefixes: string[]) => (name: string): boolean => prefixes.some((p) => name.startsWith(p))
const except = (list: string[], drop: (name: string) => boolean): string[] => list.filter((n) => !drop(n))

/** pl-waw-1, exactly as recorded (`instance_list_server_types_pl_waw_1.json`). */
const PL_WAW_1 = [
  'DEV1-L', 'DEV1-M', 'DEV1-S', 'DEV1-XL', 'GP1-L', 'GP1-M', 'GP1-S', 'GP1-XL', 'GP1-XS', 'PLAY2-MICRO', 'PLAY2-NANO',
  'PLAY2-PICO', 'POP2-16C-64G', 'POP2-2C-8G', 'POP2-32C-128G', 'POP2-48C-192G', 'POP2-4C-16G', 'POP2-64C-256G',
  'POP2-8C-32G', 'POP2-HC-16C-32G', 'POP2-HC-2C-4G', 'POP2-HC-32C-64G', 'POP2-HC-48C-96G', 'POP2-HC-4C-8G',
  'POP2-HC-64C-128G', 'POP2-HC-8C-16G', 'POP2-HN-10', 'POP2-HN-3', 'POP2-HN-5', 'PRO2-L', 'PRO2-M', 'PRO2-S',
  'PRO2-XS', 'PRO2-XXS',
]
/** The small general-purpose set every zone offers (the demo seed relies on it). */
const CORE = [
  'DEV1-M', 'DEV1-S', 'PLAY2-MICRO', 'PLAY2-NANO', 'PLAY2-PICO', 'POP2-2C-8G', 'POP2-4C-16G', 'POP2-8C-32G',
  'PRO2-S', 'PRO2-XS', 'PRO2-XXS',
]

/**
 * Types offered per zone. fr-par-1 and pl-waw-1 are recorded; the rest is modelled: fr-par-2 is fr-par-1 without
 * end-of-service, arm64 and STARDUST1 types (its GPUs stay), fr-par-3 a small Paris subset, nl-ams-1 pl-waw-1's list plus the
 * arm64 STANDARD2 family and two L4 GPUs, the other nl-ams / pl-waw zones fewer of pl-waw-1's, it-mil-1 the core set.
 */
const ZONE_TYPES: Record<Zone, string[]> = {
  'fr-par-1': ALL,
  'fr-par-2': except(ALL, (n) => SERVER_TYPES.get(n)!.endOfService || SERVER_TYPES.get(n)!.arch === 'arm64' || n === 'STARDUST1-S'),
  'fr-par-3': [...CORE, 'DEV1-L', 'DEV1-XL', 'GP1-S', 'GP1-XS', 'POP2-16C-64G', 'POP2-32C-128G', 'POP2-64C-256G', 'PRO2-M', 'PRO2-L'],
  'nl-ams-1': [...PL_WAW_1, ...ALL.filter(family('STANDARD2-A')), 'L4-1-24G', 'L4-2-24G'],
  'nl-ams-2': except(PL_WAW_1, family('GP1-', 'POP2-HN-')),
  'nl-ams-3': except(PL_WAW_1, family('GP1-', 'POP2-HN-', 'POP2-HC-', 'DEV1-XL', 'DEV1-L')),
  'pl-waw-1': PL_WAW_1,
  'pl-waw-2': except(PL_WAW_1, family('GP1-')),
  'pl-waw-3': [...CORE, 'POP2-16C-64G'],
  'it-mil-1': CORE,
}

const ZONE_TYPE_NAMES = new Map<Zone, string[]>(
  (Object.entries(ZONE_TYPES) as [Zone, string[]][]).map(([zone, names]) => [zone, [...new Set(names)].sort()]),
)

/** Names of the types a zone offers, sorted as the API pages them. */
export const serverTypeNames = (zone: Zone): readonly string[] => ZONE_TYPE_NAMES.get(zone) ?? []

/** The type if `zone` offers it. */
export const serverTypeIn = (zone: Zone, name: string): ServerType | undefined =>
  serverTypeNames(zone).includes(name) ? SERVER_TYPES.get(name) : undefined

/** fr-par-1, recorded (`sequences/instance--data-source-server-type-basic.json`). */
const FR_PAR_1_AVAILABILITY: Record<string, Availability> = {
  ...Object.fromEntries([
    'BASIC2-A12C-24G', 'BASIC2-A12C-48G', 'BASIC2-A16C-32G', 'BASIC2-A16C-64G', 'COMPUTE3-X12C-24G', 'COMPUTE3-X16C-32G',
    'COMPUTE3-X24C-48G', 'COMPUTE3-X48C-96G', 'MEMORY3-X12C-96G', 'MEMORY3-X16C-128G', 'MEMORY3-X6C-48G',
    'MEMORY3-X8C-64G', 'STANDARD3-X12C-48G', 'STANDARD3-X16C-64G', 'STANDARD3-X24C-96G', 'STANDARD3-X48C-192G',
    'STANDARD3-X8C-32G',
  ].map((n) => [n, 'scarce' as const])),
  ...Object.fromEntries([
    'COMPUTE3-X32C-64G', 'COMPUTE3-X64C-128G', 'COMPUTE3-X96C-192G', 'L4-2-24G', 'L4-4-24G', 'L4-8-24G',
    'MEMORY3-X32C-256G', 'MEMORY3-X48C-384G', 'PRO2-L', 'PRO2-M', 'STANDARD3-X32C-128G', 'STANDARD3-X64C-256G',
    'STARDUST1-S',
  ].map((n) => [n, 'shortage' as const])),
}

/** Types that are not `available`, per zone (unlisted types are available). Only fr-par-1 and pl-waw-1 are recorded. */
const NOT_AVAILABLE: Record<Zone, Record<string, Availability>> = {
  'fr-par-1': FR_PAR_1_AVAILABILITY,
  'fr-par-2': { ...FR_PAR_1_AVAILABILITY, 'L4-1-24G': 'scarce', 'POP2-HN-10': 'scarce' },
  'fr-par-3': { 'PRO2-L': 'shortage', 'PRO2-M': 'shortage', 'POP2-64C-256G': 'scarce' },
  'nl-ams-1': { 'L4-2-24G': 'shortage', 'L4-1-24G': 'scarce', 'POP2-HN-10': 'scarce' },
  'nl-ams-2': { 'POP2-HC-8C-16G': 'scarce', 'POP2-64C-256G': 'shortage' },
  'nl-ams-3': { 'PRO2-L': 'shortage' },
  'pl-waw-1': {},
  'pl-waw-2': { 'POP2-16C-64G': 'scarce', 'POP2-HN-10': 'shortage' },
  'pl-waw-3': { 'POP2-16C-64G': 'shortage' },
  'it-mil-1': { 'POP2-8C-32G': 'scarce', 'PRO2-S': 'shortage' },
}

export const availabilityIn = (zone: Zone, name: string): Availability => NOT_AVAILABLE[zone][name] ?? 'available'
