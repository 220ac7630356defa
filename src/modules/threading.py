# threading, re-told from CPython 3.11's Lib/threading.py on loopscope's _thread (a
# deterministic GIL model: src/runtime/threads.rs). Same names, messages and thread names.
import _thread

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_ident
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
Lock = _allocate_lock

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'local', 'excepthook', 'ExceptHookArgs', 'get_native_id',
           'getswitchinterval']


def getswitchinterval():
    return _thread.getswitchinterval()


def RLock(*args, **kwargs):
    return _RLock(*args, **kwargs)


class _RLock:
    def __init__(self):
        self._block = _allocate_lock()  # cpython: threading.py:114
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d>" % (
            "locked" if self._block.locked() else "unlocked",
            self.__class__.__module__,
            self.__class__.__qualname__,
            owner,
            self._count)

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()  # cpython: threading.py:164
        if self._owner == me:
            self._count += 1
            return 1  # cpython: threading.py:167
        rc = self._block.acquire(blocking, timeout)  # cpython: threading.py:168
        if rc:
            self._owner = me
            self._count = 1
        return rc  # cpython: threading.py:172

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")  # cpython: threading.py:193
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()  # cpython: threading.py:197

    def __exit__(self, t, v, tb):
        self.release()  # cpython: threading.py:200

    def _acquire_restore(self, state):
        self._block.acquire()  # cpython: threading.py:205
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")  # cpython: threading.py:210
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()  # cpython: threading.py:215
        return (count, owner)  # cpython: threading.py:216

    def _is_owned(self):
        return self._owner == get_ident()  # cpython: threading.py:219


_PyRLock = _RLock


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()  # cpython: threading.py:245
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        try:
            self._release_save = lock._release_save
        except AttributeError:
            pass
        try:
            self._acquire_restore = lock._acquire_restore
        except AttributeError:
            pass
        try:
            self._is_owned = lock._is_owned
        except AttributeError:
            pass
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()  # cpython: threading.py:272

    def __exit__(self, *args):
        return self._lock.__exit__(*args)  # cpython: threading.py:275

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))  # cpython: threading.py:278

    def _release_save(self):
        self._lock.release()  # cpython: threading.py:281

    def _acquire_restore(self, x):
        self._lock.acquire()  # cpython: threading.py:284

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()  # cpython: threading.py:290
            return False  # cpython: threading.py:291
        else:
            return True  # cpython: threading.py:293

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")  # cpython: threading.py:319
        waiter = _allocate_lock()  # cpython: threading.py:320
        waiter.acquire()  # cpython: threading.py:321
        self._waiters.append(waiter)  # cpython: threading.py:322
        saved_state = self._release_save()  # cpython: threading.py:323
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()  # cpython: threading.py:327
                gotit = True
            else:
                if timeout > 0:
                    gotit = waiter.acquire(True, timeout)  # cpython: threading.py:331
                else:
                    gotit = waiter.acquire(False)  # cpython: threading.py:333
            return gotit  # cpython: threading.py:334
        finally:
            self._acquire_restore(saved_state)  # cpython: threading.py:336
            if not gotit:
                try:
                    self._waiters.remove(waiter)  # cpython: threading.py:339
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()  # cpython: threading.py:353
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime  # cpython: threading.py:357
                else:
                    waittime = endtime - _time()  # cpython: threading.py:359
                    if waittime <= 0:
                        break
            self.wait(waittime)  # cpython: threading.py:362
            result = predicate()  # cpython: threading.py:363
        return result  # cpython: threading.py:364

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")  # cpython: threading.py:377
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()  # cpython: threading.py:382
            except RuntimeError:
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)  # cpython: threading.py:392
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))  # cpython: threading.py:403

    notifyAll = notify_all


def _time():
    import time
    return time.monotonic()


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")  # cpython: threading.py:431
        self._cond = Condition(Lock())  # cpython: threading.py:432
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"  # cpython: threading.py:437
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")  # cpython: threading.py:465
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout  # cpython: threading.py:474
                    else:
                        timeout = endtime - _time()  # cpython: threading.py:476
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)  # cpython: threading.py:479
            else:
                self._value -= 1
                rc = True
        return rc  # cpython: threading.py:483

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')  # cpython: threading.py:495
        with self._cond:
            self._value += n
            for i in range(n):
                self._cond.notify()  # cpython: threading.py:499

    def __exit__(self, t, v, tb):
        self.release()  # cpython: threading.py:502


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)  # cpython: threading.py:523
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"  # cpython: threading.py:528
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')  # cpython: threading.py:542
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")  # cpython: threading.py:545
            self._value += n
            for i in range(n):
                self._cond.notify()  # cpython: threading.py:548


class Event:
    def __init__(self):
        self._cond = Condition(Lock())  # cpython: threading.py:563
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"  # cpython: threading.py:569

    def is_set(self):
        return self._flag  # cpython: threading.py:577

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()  # cpython: threading.py:599

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)  # cpython: threading.py:629
            return signaled  # cpython: threading.py:630


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())  # cpython: threading.py:662
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()  # cpython: threading.py:694
                else:
                    self._wait(timeout)  # cpython: threading.py:697
                return index  # cpython: threading.py:698
            finally:
                self._count -= 1
                self._exit()  # cpython: threading.py:702

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()  # cpython: threading.py:709
        if self._state < 0:
            raise BrokenBarrierError  # cpython: threading.py:712
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()  # cpython: threading.py:720
            self._state = 1
            self._cond.notify_all()  # cpython: threading.py:723
        except:
            self._break()  # cpython: threading.py:726
            raise  # cpython: threading.py:727

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()  # cpython: threading.py:734
            raise BrokenBarrierError  # cpython: threading.py:735
        if self._state < 0:
            raise BrokenBarrierError  # cpython: threading.py:737
        assert self._state == 1

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()  # cpython: threading.py:747

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()  # cpython: threading.py:767

    def abort(self):
        with self._cond:
            self._break()  # cpython: threading.py:777

    def _break(self):
        self._state = -2
        self._cond.notify_all()  # cpython: threading.py:783

    @property
    def parties(self):
        return self._parties  # cpython: threading.py:788

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count  # cpython: threading.py:796
        return 0  # cpython: threading.py:797

    @property
    def broken(self):
        return self._state == -2  # cpython: threading.py:802


def _partial():
    import functools
    return functools.partial


def _unwrap_partial(fn, args, kwargs):
    # functools.partial is native code in loopscope: a thread calling through it could not
    # switch while inside (see src/runtime/threads.rs), so call what it wraps directly.
    import functools
    while type(fn) is functools.partial:
        args = tuple(fn.args) + tuple(args)
        kwargs = {**fn.keywords, **kwargs}
        fn = fn.func
    return fn, args, kwargs


_counter_value = 0


def _newname(name_template="Thread-%d"):
    global _counter_value
    _counter_value += 1
    return name_template % _counter_value


_active = {}
_limbo = {}
_shutdown_locks = set()


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __repr__(self):
        return (f"ExceptHookArgs(exc_type={self.exc_type!r}, "
                f"exc_value={self.exc_value!r}, exc_traceback=..., "
                f"thread={self.thread!r})")


def excepthook(args):
    if args.exc_type == SystemExit:
        return
    import sys
    import traceback
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()  # cpython: threading.py:1312
    print(f"Exception in thread {name}:", file=sys.stderr, flush=True)
    traceback.print_exception(args.exc_value, file=sys.stderr)


__excepthook__ = excepthook


class Thread:
    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)  # cpython: threading.py:883
        else:
            name = _newname("Thread-%d")  # cpython: threading.py:885
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"  # cpython: threading.py:889
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon  # cpython: threading.py:900
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()  # cpython: threading.py:905
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"  # cpython: threading.py:932
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)  # cpython: threading.py:943

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")  # cpython: threading.py:956
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")  # cpython: threading.py:959
        _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())  # cpython: threading.py:964
        except Exception:
            del _limbo[self]
            raise  # cpython: threading.py:968
        self._started.wait()  # cpython: threading.py:969

    def run(self):
        try:
            if self._target is not None:
                if type(self._target) is _partial():
                    target, args, kwargs = _unwrap_partial(
                        self._target, self._args, self._kwargs)
                    target(*args, **kwargs)
                else:
                    self._target(*self._args, **self._kwargs)  # cpython: threading.py:982
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._bootstrap_inner()  # cpython: threading.py:1002

    def _bootstrap_inner(self):
        try:
            self._ident = get_ident()
            self._native_id = self._ident
            _thread._set_name(self._ident, self._name)
            lock = _allocate_lock()
            lock.acquire()
            self._tstate_lock = lock
            self._started.set()  # cpython: threading.py:1034
            _active[self._ident] = self
            del _limbo[self]
            try:
                self.run()  # cpython: threading.py:1045
            except BaseException as exc:
                excepthook(ExceptHookArgs(type(exc), exc, exc.__traceback__, self))
        finally:
            _active.pop(self._ident, None)
            self._tstate_lock.release()

    def _stop(self):
        self._is_stopped = True
        self._tstate_lock = None

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")  # cpython: threading.py:1112
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")  # cpython: threading.py:1114
        if self is current_thread():
            raise RuntimeError("cannot join current thread")  # cpython: threading.py:1116
        if timeout is None:
            self._wait_for_tstate_lock()  # cpython: threading.py:1119
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))  # cpython: threading.py:1123

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            return
        if lock.acquire(block, timeout):
            lock.release()  # cpython: threading.py:1140
            self._stop()  # cpython: threading.py:1141

    @property
    def name(self):
        return self._name  # cpython: threading.py:1161

    @name.setter
    def name(self, name):
        self._name = str(name)  # cpython: threading.py:1166
        if self._ident is not None:
            _thread._set_name(self._ident, self._name)

    @property
    def ident(self):
        return self._ident  # cpython: threading.py:1178

    @property
    def native_id(self):
        return self._native_id  # cpython: threading.py:1190

    def is_alive(self):
        if self._is_stopped or not self._started.is_set():
            return False  # cpython: threading.py:1202
        self._wait_for_tstate_lock(False)  # cpython: threading.py:1203
        return not self._is_stopped  # cpython: threading.py:1204

    @property
    def daemon(self):
        return self._daemonic  # cpython: threading.py:1219

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")  # cpython: threading.py:1224
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")  # cpython: threading.py:1226
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon  # cpython: threading.py:1238

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name  # cpython: threading.py:1260

    def setName(self, name):
        self.name = name


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)  # cpython: threading.py:1387
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()  # cpython: threading.py:1392

    def cancel(self):
        self.finished.set()  # cpython: threading.py:1396

    def run(self):
        self.finished.wait(self.interval)  # cpython: threading.py:1399
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)  # cpython: threading.py:1401
        self.finished.set()  # cpython: threading.py:1402


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)  # cpython: threading.py:1410
        self._started.set()  # cpython: threading.py:1412
        self._ident = get_ident()
        self._native_id = self._ident
        self._tstate_lock = None
        _active[self._ident] = self

    def is_alive(self):
        return not self._is_stopped


class _DummyThread(Thread):
    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)  # cpython: threading.py:1431
        self._started.set()  # cpython: threading.py:1433
        self._ident = get_ident()
        _active[self._ident] = self

    def is_alive(self):
        return True  # cpython: threading.py:1445

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    try:
        return _active[get_ident()]  # cpython: threading.py:1461
    except KeyError:
        return _DummyThread()  # cpython: threading.py:1463


currentThread = current_thread


def active_count():
    return len(_active) + len(_limbo)  # cpython: threading.py:1484


activeCount = active_count


def enumerate():
    return list(_active.values()) + list(_limbo.values())  # cpython: threading.py:1510


_main_thread = _MainThread()


def main_thread():
    return _main_thread  # cpython: threading.py:1603


_threading_atexits = []


def _register_atexit(func, *arg, **kwargs):
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    # The interpreter waits for non-daemon threads at exit (after the main script).
    for atexit_call in reversed(_threading_atexits):
        atexit_call()  # cpython: threading.py:1560
    while True:
        pending = [t for t in list(_active.values()) + list(_limbo.values())
                   if t is not _main_thread and not t._daemonic and t.is_alive()]
        if not pending:
            break
        for t in pending:
            t.join()


class local:
    # One attribute namespace per thread.
    def __init__(self, *args, **kw):
        object.__setattr__(self, '_local__dicts', {})

    def _local__dict(self):
        dicts = object.__getattribute__(self, '_local__dicts')
        key = get_ident()
        d = dicts.get(key)
        if d is None:
            d = dicts[key] = {}
        return d

    def __getattribute__(self, name):
        if name in ('_local__dicts', '_local__dict', '__class__', '__dict__'):
            if name == '__dict__':
                return object.__getattribute__(self, '_local__dict')()
            return object.__getattribute__(self, name)
        d = object.__getattribute__(self, '_local__dict')()
        if name in d:
            return d[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        object.__getattribute__(self, '_local__dict')()[name] = value

    def __delattr__(self, name):
        d = object.__getattribute__(self, '_local__dict')()
        try:
            del d[name]
        except KeyError:
            raise AttributeError(name) from None
