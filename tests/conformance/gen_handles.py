#!/usr/bin/env python3
"""Regenerate tests/conformance/handles/*.handles: what CPython 3.11 prints under
`oracle.py --handles` for each conformance case (stdout only).

    python3 tests/conformance/gen_handles.py [CASES_DIR ...]
"""
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.environ.get("LOOPSCOPE_ORACLE", "/work/shared/conformance/oracle.py")
dirs = sys.argv[1:] or ["/work/shared/conformance/cases", HERE]
out_dir = os.path.join(HERE, "handles")
os.makedirs(out_dir, exist_ok=True)
for d in dirs:
    for py in sorted(glob.glob(os.path.join(d, "*.py"))):
        if not os.path.exists(py[:-3] + ".out"):
            continue
        name = os.path.basename(py)[:-3]
        r = subprocess.run([sys.executable, ORACLE, "--handles", py], capture_output=True,
                           text=True, cwd=os.path.dirname(py))
        with open(os.path.join(out_dir, name + ".handles"), "w") as f:
            f.write(r.stdout)
        print(name)
