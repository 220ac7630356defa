# What `logging` uses of `threading` (RLock, get_ident, current_thread), without importing
# `_thread`: that installs loopscope's thread model, which charges CPU time to the virtual
# clock, and a script that only logs must keep the oracle's clock (CPython's logging imports
# threading, but there CPU time never shows on the virtual clock). Once the script itself
# imports threading (or anything that starts threads), these hand over to the real thing.

import sys


def _real():
    return sys.modules.get('threading') if '_thread' in sys.modules else None


class RLock:
    # Until `_thread` is imported the process has one thread, so a re-entrant lock only
    # counts; the real lock takes over at the first acquire after that with nothing held.
    def __init__(self):
        self._lock = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        if self._lock is None and self._count == 0 and '_thread' in sys.modules:
            import threading
            self._lock = threading.RLock()
        if self._lock is not None:
            return self._lock.acquire(blocking, timeout)
        self._count += 1
        return True

    __enter__ = acquire

    def release(self):
        if self._lock is not None:
            return self._lock.release()
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def __exit__(self, t, v, tb):
        self.release()

    def _at_fork_reinit(self):
        self._lock = None
        self._count = 0


def get_ident():
    t = _real()
    if t is None:
        return _MAIN_IDENT
    return t.get_ident()


class _MainThread:
    name = 'MainThread'


def current_thread():
    t = _real()
    if t is None:
        return _MainThread
    return t.current_thread()
