# `atexit` (a C module in CPython 3.11): callbacks run last in, first out when the script
# ends, after non-daemon threads are joined and before the interpreter tears down its
# modules (src/vm/api.rs calls `_run_exitfuncs`).

import sys

_exithandlers = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    _exithandlers[:] = [h for h in _exithandlers if not h[0] == func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            import traceback
            sys.stderr.write("Exception ignored in atexit callback: %r\n" % (func,))
            # The callback's own frames, as when C code calls it.
            traceback.print_exception(type(exc), exc, exc.__traceback__.tb_next)
