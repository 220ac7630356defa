#!/usr/bin/env python3
"""Trunk post-build hook: put the Python modules the engine fetches on import in dist's py/.

build.rs writes them (comment lines blanked as for the embedded ones, each named by its
hash: src/modules/fetched_files.rs) to <target dir>/wasm32-unknown-unknown/<profile>/fetched-py/
when it builds the engine; the run worker (static/worker.js) asks for py/<name> when a script
imports one. Copying them, and not blanking them here again, keeps the served text the very
bytes the native build embeds.
"""
import json
import os
import shutil
import subprocess
import sys

target_dir = os.environ.get("CARGO_TARGET_DIR")
if not target_dir:
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        check=True, capture_output=True, text=True,
    )
    target_dir = json.loads(meta.stdout)["target_directory"]
profile = os.environ.get("TRUNK_PROFILE", "debug")
src = os.path.join(target_dir, "wasm32-unknown-unknown", profile, "fetched-py")
files = sorted(f for f in os.listdir(src) if f.endswith(".py")) if os.path.isdir(src) else []
if not files:
    sys.exit(f"fetched_py.py: no modules in {src} (build.rs writes them when it builds for wasm32)")
dst = os.path.join(os.environ.get("TRUNK_STAGING_DIR", "dist"), "py")
os.makedirs(dst, exist_ok=True)
for f in files:
    shutil.copyfile(os.path.join(src, f), os.path.join(dst, f))
