"""select, on loopscope's simulated network: select.select over simulated sockets."""

import loopscope.net as _net
import selectors as _selectors

error = OSError


def _fd(obj):
    if isinstance(obj, int):
        fd = obj
    else:
        try:
            fd = obj.fileno()
        except AttributeError:
            raise TypeError('argument must be an int, or have a fileno() method.') from None
        if not isinstance(fd, int):
            raise TypeError('fileno() returned a non-integer')
    if fd < 0:
        raise ValueError(f'file descriptor cannot be a negative integer ({fd})')
    return fd


def select(rlist, wlist, xlist, timeout=None):
    if timeout is not None:
        if not isinstance(timeout, (int, float)):
            raise TypeError('timeout must be a float or None')
        if timeout < 0:
            raise ValueError('timeout must be non-negative')
    rl = [(o, _fd(o)) for o in rlist]
    wl = [(o, _fd(o)) for o in wlist]
    xl = [(o, _fd(o)) for o in xlist]
    if not rl and not wl and not xl and timeout is not None:
        _net._advance(timeout)
        return [], [], []

    def poll():
        r = [o for o, fd in rl if _selectors._ready_events(fd, _selectors.EVENT_READ)]
        w = [o for o, fd in wl if _selectors._ready_events(fd, _selectors.EVENT_WRITE)]
        if r or w:
            return r, w, []
        return None

    got = _selectors._wait(timeout, poll)
    return got if got else ([], [], [])
