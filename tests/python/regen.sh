#!/usr/bin/env bash
# Regenerates every expected file under tests/python from CPython 3.11 (`python3`).
# Idempotent: running it twice leaves the tree unchanged.
#  - <area>/X.py          -> X.out (stdout) and X.err only if stderr is non-empty; the script
#                            must exit 0 and print
#                            the same under PYTHONHASHSEED=0 and 1 (determinism check).
#  - errors/X.py, syntax/X.py -> X.out (stdout, may be empty) and X.err (stderr); exit code 1.
# CPython names the main script by its absolute path in tracebacks; the directory prefix is
# stripped so the goldens read `File "X.py"` (the Rust harness strips it from loopscope too).
set -u
here="$(cd "$(dirname "$0")" && pwd -P)"
py="${PYTHON:-python3}"
status=0
for dir in "$here"/*/; do
    dir="${dir%/}"
    area="$(basename "$dir")"
    cd "$dir" || exit 1
    real="$(pwd -P)"
    for script in *.py; do
        [ -e "$script" ] || continue
        stem="${script%.py}"
        if [ "$area" = errors ] || [ "$area" = syntax ]; then
            PYTHONHASHSEED=0 "$py" "$script" > "$stem.out" 2> "$stem.err.tmp"
            code=$?
            sed "s#$real/##g" "$stem.err.tmp" > "$stem.err"
            rm -f "$stem.err.tmp"
            if [ "$code" -ne 1 ]; then
                echo "$area/$script: exit code $code, expected 1" >&2
                status=1
            fi
        else
            PYTHONHASHSEED=0 "$py" "$script" > "$stem.out" 2> /tmp/regen_err.$$
            code=$?
            if [ "$code" -ne 0 ]; then
                echo "$area/$script: exit code $code:" >&2
                head -5 /tmp/regen_err.$$ >&2
                status=1
            fi
            # print(..., file=sys.stderr) is part of the subset: keep stderr when there is any.
            if [ -s /tmp/regen_err.$$ ]; then
                sed "s#$real/##g" /tmp/regen_err.$$ > "$stem.err"
            else
                rm -f "$stem.err"
            fi
            PYTHONHASHSEED=1 "$py" "$script" > /tmp/regen_out1.$$ 2>/dev/null
            if ! cmp -s "$stem.out" /tmp/regen_out1.$$; then
                echo "$area/$script: output depends on PYTHONHASHSEED" >&2
                status=1
            fi
        fi
    done
done
rm -f /tmp/regen_err.$$ /tmp/regen_out1.$$
exit $status
