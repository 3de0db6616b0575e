#!/usr/bin/env bash
# Installs what the WebGPU kernels need to run on the CPU in CI (fresh Debian 12, as root): Dawn's
# OpenGL ES route through Mesa (llvmpipe). libvulkan1 is loaded by dawn.node at start-up even on the
# GL route. No environment variables are exported: src/kernels/gpu/device.ts sets
# EGL_PLATFORM=surfaceless itself (when unset) before it loads Dawn. Without these packages the GPU
# tests skip with the reason printed.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "gpu-setup: not root on Debian; skipping (GPU tests will skip if no adapter is found)" >&2
  exit 0
fi
apt-get install -y -qq --no-install-recommends libegl-mesa0 libegl1 libgl1-mesa-dri libgles2 libvulkan1 >/dev/null
echo "gpu-setup: Mesa EGL/GLES (llvmpipe) and libvulkan1 installed"
