"""selectors, on loopscope's simulated network: CPython 3.11's selectors.py (its key and
mapping bookkeeping is copied verbatim) with one selector whose select() asks loopscope.net
which sockets are ready and waits on the virtual clock.
"""

from abc import ABCMeta, abstractmethod
from collections import namedtuple
import loopscope.net as _net

# generic events, that must be mapped to implementation-specific ones
EVENT_READ = (1 << 0)
EVENT_WRITE = (1 << 1)


def _fileobj_to_fd(fileobj):
    """Return a file descriptor from a file object.

    Parameters:
    fileobj -- file object or file descriptor

    Returns:
    corresponding file descriptor

    Raises:
    ValueError if the object is invalid
    """
    if isinstance(fileobj, int):
        fd = fileobj
    else:
        try:
            fd = int(fileobj.fileno())
        except (AttributeError, TypeError, ValueError):
            raise ValueError("Invalid file object: "
                             "{!r}".format(fileobj)) from None
    if fd < 0:
        raise ValueError("Invalid file descriptor: {}".format(fd))
    return fd


SelectorKey = namedtuple('SelectorKey', ['fileobj', 'fd', 'events', 'data'])



class _SelectorMapping:
    """Mapping of file objects to selector keys."""

    def __init__(self, selector):
        self._selector = selector

    def __len__(self):
        return len(self._selector._fd_to_key)

    def __getitem__(self, fileobj):
        try:
            fd = self._selector._fileobj_lookup(fileobj)
            return self._selector._fd_to_key[fd]
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None

    def __iter__(self):
        return iter(self._selector._fd_to_key)

    # What collections.abc.Mapping would add (loopscope has no collections.abc).
    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return list(self)

    def values(self):
        return [self[k] for k in self]

    def items(self):
        return [(k, self[k]) for k in self]


class BaseSelector(metaclass=ABCMeta):
    """Selector abstract base class.

    A selector supports registering file objects to be monitored for specific
    I/O events.

    A file object is a file descriptor or any object with a `fileno()` method.
    An arbitrary object can be attached to the file object, which can be used
    for example to store context information, a callback, etc.

    A selector can use various implementations (select(), poll(), epoll()...)
    depending on the platform. The default `Selector` class uses the most
    efficient implementation on the current platform.
    """

    @abstractmethod
    def register(self, fileobj, events, data=None):
        """Register a file object.

        Parameters:
        fileobj -- file object or file descriptor
        events  -- events to monitor (bitwise mask of EVENT_READ|EVENT_WRITE)
        data    -- attached data

        Returns:
        SelectorKey instance

        Raises:
        ValueError if events is invalid
        KeyError if fileobj is already registered
        OSError if fileobj is closed or otherwise is unacceptable to
                the underlying system call (if a system call is made)

        Note:
        OSError may or may not be raised
        """
        raise NotImplementedError

    @abstractmethod
    def unregister(self, fileobj):
        """Unregister a file object.

        Parameters:
        fileobj -- file object or file descriptor

        Returns:
        SelectorKey instance

        Raises:
        KeyError if fileobj is not registered

        Note:
        If fileobj is registered but has since been closed this does
        *not* raise OSError (even if the wrapped syscall does)
        """
        raise NotImplementedError

    def modify(self, fileobj, events, data=None):
        """Change a registered file object monitored events or attached data.

        Parameters:
        fileobj -- file object or file descriptor
        events  -- events to monitor (bitwise mask of EVENT_READ|EVENT_WRITE)
        data    -- attached data

        Returns:
        SelectorKey instance

        Raises:
        Anything that unregister() or register() raises
        """
        self.unregister(fileobj)
        return self.register(fileobj, events, data)

    @abstractmethod
    def select(self, timeout=None):
        """Perform the actual selection, until some monitored file objects are
        ready or a timeout expires.

        Parameters:
        timeout -- if timeout > 0, this specifies the maximum wait time, in
                   seconds
                   if timeout <= 0, the select() call won't block, and will
                   report the currently ready file objects
                   if timeout is None, select() will block until a monitored
                   file object becomes ready

        Returns:
        list of (key, events) for ready file objects
        `events` is a bitwise mask of EVENT_READ|EVENT_WRITE
        """
        raise NotImplementedError

    def close(self):
        """Close the selector.

        This must be called to make sure that any underlying resource is freed.
        """
        pass

    def get_key(self, fileobj):
        """Return the key associated to a registered file object.

        Returns:
        SelectorKey for this file object
        """
        mapping = self.get_map()
        if mapping is None:
            raise RuntimeError('Selector is closed')
        try:
            return mapping[fileobj]
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None

    @abstractmethod
    def get_map(self):
        """Return a mapping of file objects to selector keys."""
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


class _BaseSelectorImpl(BaseSelector):
    """Base selector implementation."""

    def __init__(self):
        # this maps file descriptors to keys
        self._fd_to_key = {}
        # read-only mapping returned by get_map()
        self._map = _SelectorMapping(self)
        # loopscope: the registered fds that may be ready (every fd whose socket changed since
        # select() last found it not ready; loopscope.net adds them), and each fd's place in
        # _fd_to_key's order, in which select() reports them as it did when it scanned all.
        self._ls_maybe = set()
        self._ls_place = {}
        self._ls_count = 0

    def _fileobj_lookup(self, fileobj):
        """Return a file descriptor from a file object.

        This wraps _fileobj_to_fd() to do an exhaustive search in case
        the object is invalid but we still have it in our map.  This
        is used by unregister() so we can unregister an object that
        was previously registered even if it is closed.  It is also
        used by _SelectorMapping.
        """
        try:
            return _fileobj_to_fd(fileobj)
        except ValueError:
            # Do an exhaustive search.
            for key in self._fd_to_key.values():
                if key.fileobj is fileobj:
                    return key.fd
            # Raise ValueError after all.
            raise

    def register(self, fileobj, events, data=None):
        if (not events) or (events & ~(EVENT_READ | EVENT_WRITE)):
            raise ValueError("Invalid events: {!r}".format(events))

        key = SelectorKey(fileobj, self._fileobj_lookup(fileobj), events, data)

        if key.fd in self._fd_to_key:
            raise KeyError("{!r} (FD {}) is already registered"
                           .format(fileobj, key.fd))

        self._fd_to_key[key.fd] = key
        self._ls_count += 1
        self._ls_place[key.fd] = self._ls_count
        self._ls_maybe.add(key.fd)
        if _watch is not None:
            _watch(key.fd, self)
        _net.note_registration(key.fd, key.events, key.data)
        return key

    def unregister(self, fileobj):
        try:
            key = self._fd_to_key.pop(self._fileobj_lookup(fileobj))
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None
        self._ls_place.pop(key.fd, None)
        self._ls_maybe.discard(key.fd)
        if _watch is not None:
            _unwatch(key.fd, self)
        _net.note_registration(key.fd, 0, None)
        return key

    def modify(self, fileobj, events, data=None):
        try:
            key = self._fd_to_key[self._fileobj_lookup(fileobj)]
        except KeyError:
            raise KeyError("{!r} is not registered".format(fileobj)) from None
        if events != key.events:
            self.unregister(fileobj)
            key = self.register(fileobj, events, data)
        elif data != key.data:
            # Use a shortcut to update the data.
            key = key._replace(data=data)
            self._fd_to_key[key.fd] = key
            _net.note_registration(key.fd, key.events, key.data)
        return key

    def close(self):
        for fd in list(self._fd_to_key):
            if _watch is not None:
                _unwatch(fd, self)
            _net.note_registration(fd, 0, None)
        self._fd_to_key.clear()
        self._ls_place.clear()
        self._ls_maybe.clear()
        self._map = None

    def get_map(self):
        return self._map

    def _key_from_fd(self, fd):
        """Return the key associated to a given file descriptor.

        Parameters:
        fd -- file descriptor

        Returns:
        corresponding key, or None if not found
        """
        try:
            return self._fd_to_key[fd]
        except KeyError:
            return None




# The simulated network tells selectors which fds changed (a backend without `watch` gets
# every registered fd checked at each select()).
_watch = getattr(_net, 'watch', None)
_unwatch = getattr(_net, 'unwatch', None)
# ... and checks them natively (poll in EpollSelector.select; None: in Python).
_poll_ready = getattr(_net, '_poll_ready', None) if _watch is not None else None


def _ready_events(fd, events):
    ep = _net._sockets.get(fd)
    if ep is None:
        return 0
    r = 0
    if events & EVENT_READ and ep.readable():
        r |= EVENT_READ
    if events & EVENT_WRITE and ep.writable():
        r |= EVENT_WRITE
    return r


# A network backend may wait its own way (net_os.py blocks in the OS readiness API); the
# simulated network's waiting is `_wait` below, on the virtual clock.
_backend_wait = _net.wait_ready
_backend_blocks_forever = _net.would_block_forever


def _wait(timeout, poll):
    """Wait on the virtual clock until poll() returns something or `timeout` passes
    (None: no limit). Timeouts are added to the clock whole, as oracle.py does, so a
    selector that only times out keeps CPython's float timings."""
    if _backend_wait is not None:
        return _backend_wait(timeout, poll)
    _net.pump()
    ready = poll()
    if ready or (timeout is not None and timeout <= 0):
        return ready
    start = _net._now()
    while True:
        nd = _net.next_due()
        if nd is None:
            if timeout is None:
                # Other threads may still wake the event loop (call_soon_threadsafe).
                if _net._advance_wake(None) is not None:
                    _net.pump()
                    return poll()
                raise RuntimeError('deadlock: select() would wait forever (no socket can '
                                   'become ready: nothing is in flight on the simulated '
                                   'network)')
            _wait_clock(start + timeout - _net._now() if _net._now() != start else timeout)
            _net.pump()
            return poll()
        if timeout is not None and nd >= start + timeout:
            _wait_clock(start + timeout - _net._now() if _net._now() != start else timeout)
            _net.pump()
            return poll()
        dt = nd - _net._now()
        if dt > 0 and _wait_clock(dt):
            _net.pump()
            return poll()
        _net.pump()
        ready = poll()
        if ready:
            return ready


def _wait_clock(dt):
    """Move the clock by dt; while other threads live they run meanwhile, and True means one
    of them woke the event loop (call_soon_threadsafe) before dt passed."""
    if _net._threads_alive():
        return bool(_net._advance_wake(dt))
    _net._advance(dt)
    return False


def would_block_forever(selector):
    """True when select(None) could never return (the event loop's deadlock check)."""
    if _backend_blocks_forever is not None:
        return _backend_blocks_forever(selector)
    if _net._threads_alive():
        return False
    _net.pump()
    if _net.next_due() is not None:
        return False
    for fd, key in _maybe_ready(selector):
        if _ready_events(fd, key.events):
            return False
    return True


def _maybe_ready(selector):
    """(fd, key) of the registered fds that may be ready, in registration order: those whose
    socket changed since the last select() found them not ready, when the network says which
    (an fd no change touched has kept its not-ready answer), else all."""
    maybe = getattr(selector, '_ls_maybe', None)
    if _watch is None or maybe is None:
        return list(selector._fd_to_key.items())
    place = selector._ls_place
    keys = selector._fd_to_key
    out = []
    for _, fd in sorted([(place[fd], fd) for fd in maybe]):
        key = keys.get(fd)
        if key is not None:
            out.append((fd, key))
    return out


class EpollSelector(_BaseSelectorImpl):
    """The selector of the simulated network (CPython's DefaultSelector on Linux is epoll)."""

    def select(self, timeout=None):
        if timeout is not None and timeout < 0:
            timeout = 0

        def poll():
            if _poll_ready is not None:
                ready = _poll_ready(self)
                if ready is not None:
                    return ready
            ready = []
            for fd, key in _maybe_ready(self):
                ev = _ready_events(fd, key.events)
                if ev:
                    ready.append((key, ev))
                else:
                    # Not ready until its socket changes (loopscope.net adds it back then).
                    self._ls_maybe.discard(fd)
            return ready

        return _wait(timeout, poll)

    def fileno(self):
        return -1


SelectSelector = PollSelector = DevpollSelector = KqueueSelector = EpollSelector
DefaultSelector = EpollSelector
