#!/usr/bin/env python3
"""Regenerate tests/conformance/handles/*.handles (and tests/asyncio/handles/): what CPython 3.11 prints under
`oracle.py --handles` for each conformance case (stdout only).

    python3 tests/conformance/gen_handles.py [CASES_DIR ...]
    python3 tests/conformance/gen_handles.py tests/asyncio
"""
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PY310 = os.environ.get("LOOPSCOPE_PY310") or next(
    (p for p in ["/root/.pyenv/versions/3.10.13/bin/python3"] if os.path.exists(p)), "python3.10")
ORACLE = os.environ.get("LOOPSCOPE_ORACLE", "/work/shared/conformance/oracle.py")
dirs = sys.argv[1:] or ["/work/shared/conformance/cases", HERE]
# Cases in another directory get their handles next to them: DIR/handles/NAME.handles.
for d in dirs:
    shared = os.path.abspath(d) in (HERE, "/work/shared/conformance/cases")
    out_dir = os.path.join(HERE if shared else d, "handles")
    os.makedirs(out_dir, exist_ok=True)
    for py in sorted(glob.glob(os.path.join(os.path.abspath(d), "*.py"))):
        if not os.path.exists(py[:-3] + ".out"):
            continue
        name = os.path.basename(py)[:-3]
        # Cases about what 3.11 removed (@asyncio.coroutine) take their outputs from 3.10.
        with open(py, encoding="utf-8") as f:
            head = f.read(600)
        exe = PY310 if "Expected output: python3.10" in head else sys.executable
        r = subprocess.run([exe, ORACLE, "--handles", py], capture_output=True,
                           text=True, cwd=os.path.dirname(py))
        with open(os.path.join(out_dir, name + ".handles"), "w") as f:
            f.write(r.stdout)
        print(name)
