/**
 * The lazy WebGPU backend: loads the `webgpu` package (Dawn) on first use only, so importing
 * gridframe stays fast, and finds an adapter by two routes: the default (a hardware GPU through
 * Vulkan/Metal/D3D), then Mesa through OpenGL ES (`backend=opengles`, compatibility feature level),
 * which runs the same WGSL on the CPU (llvmpipe) where no GPU exists, as in CI. That route needs
 * EGL_PLATFORM=surfaceless; it is set here (only when unset) before Dawn loads, so users and CI
 * export nothing. A Dawn device does not keep Node's event loop alive; `releaseGpu()` destroys it.
 * @module
 */
import { GridframeError } from '../../errors.js';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What `gpuInfo()` reports. */
export interface GpuInfo {
  /** True when an adapter was found and a device created. */
  available: boolean;
  /** The adapter's name (e.g. 'llvmpipe-...' for Mesa on the CPU), or null. */
  adapter: string | null;
  /** The route that found it: 'default' (a native backend) or 'opengles' (Mesa/ANGLE), or null. */
  backend: 'default' | 'opengles' | null;
  /** True for CPU rasterisers (llvmpipe, lavapipe, SwiftShader): `device: 'auto'` then prefers the CPU kernels. */
  software: boolean;
  /** Why no GPU is available, when it is not. */
  reason?: string;
}

/** A ready device plus what is known about it. */
export interface GpuHandle {
  device: GPUDevice;
  info: GpuInfo;
  /** The Dawn instance: held so it is not garbage-collected while its device lives (that crashes Dawn). */
  gpu: GPU;
  adapter: GPUAdapter;
}

let pending: Promise<GpuHandle | GpuInfo> | null = null;

/** Workgroup size the shaders use (16 x 16); compatibility mode defaults to 128 invocations. */
export const WORKGROUP_INVOCATIONS = 256;

function describe(a: GPUAdapter): string {
  const i = a.info;
  return [i.vendor, i.architecture, i.device, i.description].filter((s) => s && s.length > 0).join(' ') || 'unknown adapter';
}

async function open(): Promise<GpuHandle | GpuInfo> {
  if (process.env.EGL_PLATFORM === undefined) process.env.EGL_PLATFORM = 'surfaceless';
  if (process.env.XDG_RUNTIME_DIR === undefined) {
    // Mesa prints an error when XDG_RUNTIME_DIR is unset (headless servers, CI): give it a private one.
    const dir = path.join(os.tmpdir(), `gridframe-runtime-${process.getuid?.() ?? 'user'}`);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      process.env.XDG_RUNTIME_DIR = dir;
    } catch {
      // Leave it unset: only a warning on stderr.
    }
  }
  let mod: typeof import('webgpu');
  try {
    mod = await import('webgpu');
  } catch (e) {
    return { available: false, adapter: null, backend: null, software: false, reason: `the 'webgpu' package could not be loaded: ${(e as Error).message}` };
  }
  const routes: Array<{ backend: 'default' | 'opengles'; flags: string[]; req: GPURequestAdapterOptions }> = [
    { backend: 'default', flags: [], req: { powerPreference: 'high-performance' } },
    { backend: 'opengles', flags: ['backend=opengles'], req: { featureLevel: 'compatibility' } },
  ];
  const errors: string[] = [];
  for (const r of routes) {
    try {
      const gpu = mod.create(r.flags);
      const adapter = await gpu.requestAdapter(r.req);
      if (!adapter) {
        errors.push(`${r.backend}: no adapter`);
        continue;
      }
      const name = describe(adapter);
      const lim = adapter.limits;
      const device = await adapter.requestDevice({
        requiredLimits: {
          maxComputeInvocationsPerWorkgroup: Math.min(WORKGROUP_INVOCATIONS, lim.maxComputeInvocationsPerWorkgroup),
          maxComputeWorkgroupSizeX: Math.min(16, lim.maxComputeWorkgroupSizeX),
          maxComputeWorkgroupSizeY: Math.min(16, lim.maxComputeWorkgroupSizeY),
          maxStorageBufferBindingSize: lim.maxStorageBufferBindingSize,
          maxBufferSize: lim.maxBufferSize,
        },
      });
      const software = /llvmpipe|lavapipe|swiftshader|softpipe/i.test(name);
      return { device, gpu, adapter, info: { available: true, adapter: name, backend: r.backend, software } };
    } catch (e) {
      errors.push(`${r.backend}: ${(e as Error).message}`);
    }
  }
  return { available: false, adapter: null, backend: null, software: false, reason: `no WebGPU adapter (${errors.join('; ')}); on Debian install libegl-mesa0 libgl1-mesa-dri libvulkan1 for the CPU route` };
}

/**
 * The device, opening it on first call; throws with the reason when none can be had.
 * @example
 * const { device, info } = await getGpu();
 */
export async function getGpu(): Promise<GpuHandle> {
  pending ??= keepAlive(open);
  const h = await pending;
  if ('device' in h) return h;
  throw new GridframeError(`device 'gpu' was asked for but ${h.reason ?? 'no WebGPU adapter was found'}`);
}

/**
 * Whether a WebGPU device is available, which adapter and which route (loads Dawn on first call).
 * @example
 * const info = await gpuInfo();
 * // { available: true, adapter: 'llvmpipe-llvm-15-0-6-256-bits- OpenGL version OpenGL ES 3.2 Mesa 22.3.6', backend: 'opengles', software: true }
 */
export async function gpuInfo(): Promise<GpuInfo> {
  pending ??= keepAlive(open);
  const h = await pending;
  return 'device' in h ? { ...h.info } : { ...h };
}

/**
 * Destroys the cached device (a later GPU call opens a new one).
 * @example
 * await releaseGpu();
 */
export async function releaseGpu(): Promise<void> {
  const p = pending;
  pending = null;
  if (!p) return;
  const h = await p;
  if ('device' in h) h.device.destroy();
}

/**
 * Runs GPU work while holding the event loop open: Dawn's pending promises (mapAsync) do not keep
 * Node alive, so without this a script whose last step awaits the GPU would exit mid-computation.
 * The timer is cleared when the work settles, so an idle device never keeps the process running.
 * @example
 * const out = await keepAlive(() => readBack(buffer));
 */
export async function keepAlive<T>(work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => undefined, 1 << 30);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
