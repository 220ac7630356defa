#!/usr/bin/env bash
# Regenerate the expected outputs of the conformance cases with CPython 3.11 + oracle.py.
#
#   tests/conformance/regen.sh                 # every case
#   tests/conformance/regen.sh loop/03_x.py    # only these cases (paths relative to here)
#   tests/conformance/regen.sh --check         # regenerate nothing; verify every case is
#                                              # deterministic (PYTHONHASHSEED=0 vs 1) and
#                                              # that the stored files are up to date
#   tests/conformance/regen.sh --order         # regenerate nothing; verify no output depends on
#                                              # address-ordered sets inside asyncio (order_check.py)
#   JOBS=4 tests/conformance/regen.sh          # run that many cases at once (default 2)
#
# Each case X.py is run from its own directory with its relative file name (exactly how
# tests/conformance.rs runs `loopscope run X.py`), so file names in tracebacks and reprs match.
# X.out     = stdout of `oracle.py X.py` (CPython's asyncio directory written "<loopscope>/asyncio/")
# X.handles = stdout of `oracle.py --handles X.py` (the script's prints interleaved with one
#             line per callback run by the event loop)
# X.err     = stderr, only for cases under errors/, with absolute paths reduced to
#             "<abs>/basename" so the file does not depend on where Python is installed.
# Addresses (0x...) in callback reprs change from run to run: comparisons mask them (as the
# harness does), and a stored file that differs only in addresses is left untouched.
# Cases listed in no_handles.txt get no X.handles: their stdout is address-independent but
# the order of the loop's callbacks is not (e.g. a TaskGroup cancelling several children
# iterates a set of tasks).
set -u
cd "$(dirname "$0")"
HERE=$(pwd)
ORACLE="$HERE/oracle.py"
PY=${PYTHON:-python3}
JOBS=${JOBS:-2}

check=0
files=()
for a in "$@"; do
    case "$a" in
        --check) check=1 ;;
        --order) check=2 ;;
        *) files+=("$a") ;;
    esac
done
if [ ${#files[@]} -eq 0 ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find . -mindepth 2 -name '*.py' | sed 's#^\./##' | sort)
fi

no_handles() { grep -qxF "$1" no_handles.txt 2>/dev/null; }
clean_err() { sed -E 's#"/[^"]*/([^"/]+)"#"<abs>/\1"#g'; }
# Reprs of asyncio's own coroutines name CPython's files ("sleep() running at
# /usr/lib/python3.11/asyncio/tasks.py:649"); loopscope names the same file and line under
# "<loopscope>/asyncio/", where the installation's directory cannot be known.
ASYNCIO_DIR=$("$PY" -c 'import asyncio, os; print(os.path.dirname(asyncio.__file__))')
clean_out() { sed "s#$ASYNCIO_DIR/#<loopscope>/asyncio/#g"; }
# (A missing file is never the same: an empty output must still be written for a new case.)
same_masked() { [ -e "$2" ] && cmp -s <(sed -E 's/0x[0-9a-f]+/0x?/g' "$1") <(sed -E 's/0x[0-9a-f]+/0x?/g' "$2"); }

run_case() { # dir base hashseed outdir
    local dir=$1 base=$2 seed=$3 out=$4
    (cd "$dir" && PYTHONHASHSEED=$seed timeout 20 "$PY" "$ORACLE" "$base.py" 2>"$out/err_raw" | clean_out >"$out/out")
    (cd "$dir" && PYTHONHASHSEED=$seed timeout 20 "$PY" "$ORACLE" --handles "$base.py" 2>/dev/null | clean_out >"$out/handles")
    clean_err <"$out/err_raw" | clean_out >"$out/err"
}

process() { # case-path tmpdir -> prints problems/notes
    local f=$1 tmp=$2
    local dir base
    dir=$(dirname "$f"); base=$(basename "$f" .py)
    mkdir -p "$tmp/a" "$tmp/b"
    if [ $check -eq 2 ]; then
        local m
        for m in "" --handles; do
            [ -n "$m" ] && no_handles "$f" && continue
            if ! cmp -s <(cd "$dir" && timeout 20 "$PY" "$HERE/order_check.py" fwd $m "$base.py" 2>/dev/null | sed -E 's/0x[0-9a-f]+/0x?/g') \
                        <(cd "$dir" && timeout 20 "$PY" "$HERE/order_check.py" rev $m "$base.py" 2>/dev/null | sed -E 's/0x[0-9a-f]+/0x?/g'); then
                echo "NONDETERMINISTIC $f (order of asyncio's sets${m:+, $m})"
            fi
        done
        rm -rf "$tmp"
        return
    fi
    run_case "$dir" "$base" 0 "$tmp/a"
    local kinds="out handles"
    if no_handles "$f"; then
        kinds="out"
        rm -f "$tmp/a/handles"; : >"$tmp/a/handles"
        if [ $check -eq 1 ]; then
            [ -e "$dir/$base.handles" ] && echo "STALE $f (.handles exists but the case is in no_handles.txt)"
        else
            rm -f "$dir/$base.handles"
        fi
    fi
    if [ $check -eq 1 ]; then
        run_case "$dir" "$base" 1 "$tmp/b"
        no_handles "$f" && : >"$tmp/b/handles"
        for k in out handles err; do
            same_masked "$tmp/a/$k" "$tmp/b/$k" || echo "NONDETERMINISTIC $f ($k)"
        done
        for k in $kinds; do
            same_masked "$tmp/a/$k" "$dir/$base.$k" 2>/dev/null || echo "STALE $f ($k)"
        done
        case "$dir" in errors*) same_masked "$tmp/a/err" "$dir/$base.err" 2>/dev/null || echo "STALE $f (err)" ;; esac
    else
        for k in $kinds; do
            same_masked "$tmp/a/$k" "$dir/$base.$k" 2>/dev/null || cp "$tmp/a/$k" "$dir/$base.$k"
        done
        case "$dir" in errors*) same_masked "$tmp/a/err" "$dir/$base.err" 2>/dev/null || cp "$tmp/a/err" "$dir/$base.err" ;; esac
        if [ -s "$tmp/a/err_raw" ]; then
            case "$dir" in errors*) ;; *) echo "note: $f wrote to stderr ($(tail -n1 "$tmp/a/err_raw"))" ;; esac
        fi
    fi
    rm -rf "$tmp"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
i=0
for f in "${files[@]}"; do
    i=$((i + 1))
    process "$f" "$work/$i" >"$work/$i.log" &
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
done
wait
status=0
for n in $(seq 1 $i); do
    if [ -s "$work/$n.log" ]; then
        cat "$work/$n.log"
        grep -q '^\(NONDETERMINISTIC\|STALE\)' "$work/$n.log" && status=1
    fi
done
[ $check -ne 0 ] && [ $status -eq 0 ] && echo "all ${#files[@]} cases deterministic and up to date"
exit $status
