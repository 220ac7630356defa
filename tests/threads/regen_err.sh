#!/usr/bin/env bash
# Regenerate X.out and X.err of the thread scripts that end with an uncaught exception
# (tests/threads.rs `errors!`): CPython 3.11's stdout and stderr for `python3 X.py`, with the
# standard library's directory written "<loopscope>/" (loopscope names CPython's files and lines
# under it) and the script's absolute path reduced to its name, as `loopscope run X.py` has it.
#
#   tests/threads/regen_err.sh thread_exception.py executor_exception.py
set -eu
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
LIB=$("$PY" -c 'import os, sysconfig; print(sysconfig.get_paths()["stdlib"])')
for f in "$@"; do
    base=${f%.py}
    "$PY" "$f" >"$base.out" 2>"$base.err.raw" || true
    sed -e "s#$LIB/#<loopscope>/#g" -e "s#$(pwd)/##g" "$base.err.raw" >"$base.err"
    rm -f "$base.err.raw"
done
