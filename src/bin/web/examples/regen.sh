#!/usr/bin/env bash
# Record CPython 3.11's output for every gallery example (tests/gallery.rs compares
# loopscope's with it). Run from anywhere:
#
#   src/bin/web/examples/regen.sh
#
# For each example X.py that gallery.json does not mark "cpython": false:
# X.out = stdout, X.err = stderr, X.handles = stdout of `oracle.py --handles`, each from
# tests/conformance/oracle.py (CPython on a virtual clock), run here with the relative file
# name, exactly as the test runs `loopscope run X.py`.
set -eu
cd "$(dirname "$0")"
ORACLE=../../../../tests/conformance/oracle.py
PY=${PYTHON:-python3}
ids=$("$PY" -c 'import json; g = json.load(open("gallery.json")); print(" ".join(e["id"] for c in g["chapters"] for e in c["examples"] if e.get("cpython", True)))')
mask() { sed -E 's/0x[0-9a-f]+/0x?/g'; }
# Writes $2 into $1 unless $1 already says the same up to addresses (which change every run).
keep() { if [ -f "$1" ] && cmp -s <(mask <"$1") <(mask <"$2"); then rm -f "$2"; else mv "$2" "$1"; fi; }
for id in $ids; do
  PYTHONHASHSEED=0 "$PY" "$ORACLE" "$id.py" >"$id.out.new" 2>"$id.err.new" || true
  PYTHONHASHSEED=0 "$PY" "$ORACLE" --handles "$id.py" >"$id.handles.new" 2>/dev/null || true
  keep "$id.out" "$id.out.new"; keep "$id.err" "$id.err.new"; keep "$id.handles" "$id.handles.new"
  # An example whose callbacks depend on hash order would make a flaky test: refuse it.
  # (Addresses differ between runs; the test masks them too.)
  if ! PYTHONHASHSEED=1 "$PY" "$ORACLE" --handles "$id.py" 2>/dev/null | mask | cmp -s - <(mask <"$id.handles"); then
    echo "regen: $id.py: the callback order depends on hashing; make it deterministic" >&2
    exit 1
  fi
  [ -s "$id.err" ] || rm -f "$id.err"
done
echo "regen: recorded $(echo $ids | wc -w) examples"
