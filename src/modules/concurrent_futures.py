# concurrent.futures, re-told from CPython 3.11's Lib/concurrent/futures/{_base,thread}.py on
# loopscope's threading (src/runtime/threads.rs). ProcessPoolExecutor is a simulation: its
# workers are threads of the same model (see ProcessPoolExecutor below).
import collections
import itertools
import threading
import time
import queue

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished"
}

# The simulated machine's processors (os.cpu_count()): sets the default max_workers.
_CPU_COUNT = 8


class Error(Exception):
    pass


class CancelledError(Error):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


class _Waiter(object):
    def __init__(self):
        self.event = threading.Event()  # cpython: _base.py:62
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)  # cpython: _base.py:66

    def add_exception(self, future):
        self.finished_futures.append(future)  # cpython: _base.py:69

    def add_cancelled(self, future):
        self.finished_futures.append(future)  # cpython: _base.py:72


class _AsCompletedWaiter(_Waiter):
    def __init__(self):
        super(_AsCompletedWaiter, self).__init__()  # cpython: _base.py:78
        self.lock = threading.Lock()  # cpython: _base.py:79

    def add_result(self, future):
        with self.lock:
            super(_AsCompletedWaiter, self).add_result(future)  # cpython: _base.py:83
            self.event.set()  # cpython: _base.py:84

    def add_exception(self, future):
        with self.lock:
            super(_AsCompletedWaiter, self).add_exception(future)  # cpython: _base.py:88
            self.event.set()  # cpython: _base.py:89

    def add_cancelled(self, future):
        with self.lock:
            super(_AsCompletedWaiter, self).add_cancelled(future)  # cpython: _base.py:93
            self.event.set()  # cpython: _base.py:94


class _FirstCompletedWaiter(_Waiter):
    def add_result(self, future):
        super().add_result(future)  # cpython: _base.py:100
        self.event.set()  # cpython: _base.py:101

    def add_exception(self, future):
        super().add_exception(future)  # cpython: _base.py:104
        self.event.set()  # cpython: _base.py:105

    def add_cancelled(self, future):
        super().add_cancelled(future)  # cpython: _base.py:108
        self.event.set()  # cpython: _base.py:109


class _AllCompletedWaiter(_Waiter):
    def __init__(self, num_pending_calls, stop_on_exception):
        self.num_pending_calls = num_pending_calls
        self.stop_on_exception = stop_on_exception
        self.lock = threading.Lock()  # cpython: _base.py:117
        super().__init__()  # cpython: _base.py:118

    def _decrement_pending_calls(self):
        with self.lock:
            self.num_pending_calls -= 1
            if not self.num_pending_calls:
                self.event.set()  # cpython: _base.py:124

    def add_result(self, future):
        super().add_result(future)  # cpython: _base.py:127
        self._decrement_pending_calls()  # cpython: _base.py:128

    def add_exception(self, future):
        super().add_exception(future)  # cpython: _base.py:131
        if self.stop_on_exception:
            self.event.set()  # cpython: _base.py:133
        else:
            self._decrement_pending_calls()  # cpython: _base.py:135

    def add_cancelled(self, future):
        super().add_cancelled(future)  # cpython: _base.py:138
        self._decrement_pending_calls()  # cpython: _base.py:139


class _AcquireFutures(object):
    def __init__(self, futures):
        self.futures = sorted(futures, key=id)  # cpython: _base.py:145

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()  # cpython: _base.py:149

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()  # cpython: _base.py:153


def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED:
        waiter = _AsCompletedWaiter()  # cpython: _base.py:157
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()  # cpython: _base.py:159
    else:
        pending_count = sum(  # cpython: _base.py:161
                f._state not in [CANCELLED_AND_NOTIFIED, FINISHED] for f in fs)
        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=True)  # cpython: _base.py:165
        elif return_when == ALL_COMPLETED:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=False)  # cpython: _base.py:167
        else:
            raise ValueError("Invalid return condition: %r" % return_when)  # cpython: _base.py:169
    for f in fs:
        f._waiters.append(waiter)  # cpython: _base.py:172
    return waiter  # cpython: _base.py:174


def _yield_finished_futures(fs, waiter, ref_collect):
    while fs:
        f = fs[-1]
        for futures_set in ref_collect:
            futures_set.remove(f)  # cpython: _base.py:191
        with f._condition:
            f._waiters.remove(waiter)  # cpython: _base.py:193
        del f
        yield fs.pop()  # cpython: _base.py:196


def as_completed(fs, timeout=None):
    if timeout is not None:
        end_time = timeout + time.monotonic()  # cpython: _base.py:218
    fs = set(fs)  # cpython: _base.py:220
    total_futures = len(fs)  # cpython: _base.py:221
    with _AcquireFutures(fs):
        finished = set(  # cpython: _base.py:223
                f for f in fs
                if f._state in [CANCELLED_AND_NOTIFIED, FINISHED])
        pending = fs - finished
        waiter = _create_and_install_waiters(fs, _AS_COMPLETED)  # cpython: _base.py:227
    finished = list(finished)  # cpython: _base.py:228
    try:
        yield from _yield_finished_futures(finished, waiter,  # cpython: _base.py:230
                                           ref_collect=(fs,))
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()  # cpython: _base.py:237
                if wait_timeout < 0:
                    raise TimeoutError(  # cpython: _base.py:239
                            '%d (of %d) futures unfinished' % (
                            len(pending), total_futures))
            waiter.event.wait(wait_timeout)  # cpython: _base.py:243
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()  # cpython: _base.py:248
            finished.reverse()  # cpython: _base.py:251
            yield from _yield_finished_futures(finished, waiter,  # cpython: _base.py:252
                                               ref_collect=(fs, pending))
    finally:
        for f in fs:
            with f._condition:
                f._waiters.remove(waiter)  # cpython: _base.py:259


DoneAndNotDoneFutures = collections.namedtuple(
        'DoneAndNotDoneFutures', 'done not_done')


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)  # cpython: _base.py:288
    with _AcquireFutures(fs):
        done = {f for f in fs
                if f._state in [CANCELLED_AND_NOTIFIED, FINISHED]}
        not_done = fs - done
        if (return_when == FIRST_COMPLETED) and done:
            return DoneAndNotDoneFutures(done, not_done)  # cpython: _base.py:294
        elif (return_when == FIRST_EXCEPTION) and done:
            if any(f for f in done
                   if not f.cancelled() and f.exception() is not None):
                return DoneAndNotDoneFutures(done, not_done)  # cpython: _base.py:298
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)  # cpython: _base.py:301
        waiter = _create_and_install_waiters(fs, return_when)  # cpython: _base.py:303
    waiter.event.wait(timeout)  # cpython: _base.py:305
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)  # cpython: _base.py:308
    done.update(waiter.finished_futures)  # cpython: _base.py:310
    return DoneAndNotDoneFutures(done, fs - done)  # cpython: _base.py:311


def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)  # cpython: _base.py:317
        finally:
            fut.cancel()  # cpython: _base.py:319
    finally:
        del fut


class Future(object):
    def __init__(self):
        self._condition = threading.Condition()  # cpython: _base.py:330
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)  # cpython: _base.py:340
            except Exception:
                import sys
                import traceback
                print('exception calling callback for %r' % self, file=sys.stderr)
                traceback.print_exc()

    def __repr__(self):
        with self._condition:
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (  # cpython: _base.py:348
                        self.__class__.__name__,
                        id(self),
                        _STATE_TO_DESCRIPTION_MAP[self._state],
                        self._exception.__class__.__name__)
                else:
                    return '<%s at %#x state=%s returned %s>' % (  # cpython: _base.py:354
                        self.__class__.__name__,
                        id(self),
                        _STATE_TO_DESCRIPTION_MAP[self._state],
                        self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (  # cpython: _base.py:359
                    self.__class__.__name__,
                    id(self),
                    _STATE_TO_DESCRIPTION_MAP[self._state])

    def cancel(self):
        with self._condition:
            if self._state in [RUNNING, FINISHED]:
                return False  # cpython: _base.py:372
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                return True  # cpython: _base.py:375
            self._state = CANCELLED
            self._condition.notify_all()  # cpython: _base.py:378
        self._invoke_callbacks()  # cpython: _base.py:380
        return True  # cpython: _base.py:381

    def cancelled(self):
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]  # cpython: _base.py:386

    def running(self):
        with self._condition:
            return self._state == RUNNING  # cpython: _base.py:391

    def done(self):
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]  # cpython: _base.py:396

    def __get_result(self):
        if self._exception:
            try:
                raise self._exception  # cpython: _base.py:401
            finally:
                self = None
        else:
            return self._result  # cpython: _base.py:406

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
                self._done_callbacks.append(fn)  # cpython: _base.py:421
                return
        try:
            fn(self)  # cpython: _base.py:424
        except Exception:
            import sys
            import traceback
            print('exception calling callback for %r' % self, file=sys.stderr)
            traceback.print_exc()

    def result(self, timeout=None):
        try:
            with self._condition:
                if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                    raise CancelledError()  # cpython: _base.py:447
                elif self._state == FINISHED:
                    return self.__get_result()  # cpython: _base.py:449
                self._condition.wait(timeout)  # cpython: _base.py:451
                if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                    raise CancelledError()  # cpython: _base.py:454
                elif self._state == FINISHED:
                    return self.__get_result()  # cpython: _base.py:456
                else:
                    raise TimeoutError()  # cpython: _base.py:458
        finally:
            self = None

    def exception(self, timeout=None):
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()  # cpython: _base.py:483
            elif self._state == FINISHED:
                return self._exception  # cpython: _base.py:485
            self._condition.wait(timeout)  # cpython: _base.py:487
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()  # cpython: _base.py:490
            elif self._state == FINISHED:
                return self._exception  # cpython: _base.py:492
            else:
                raise TimeoutError()  # cpython: _base.py:494

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)  # cpython: _base.py:524
                return False  # cpython: _base.py:527
            elif self._state == PENDING:
                self._state = RUNNING
                return True  # cpython: _base.py:530
            else:
                raise RuntimeError('Future in unexpected state')  # cpython: _base.py:535

    def set_result(self, result):
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))  # cpython: _base.py:544
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)  # cpython: _base.py:548
            self._condition.notify_all()  # cpython: _base.py:549
        self._invoke_callbacks()  # cpython: _base.py:550

    def set_exception(self, exception):
        with self._condition:
            if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))  # cpython: _base.py:559
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)  # cpython: _base.py:563
            self._condition.notify_all()  # cpython: _base.py:564
        self._invoke_callbacks()  # cpython: _base.py:565


class Executor(object):
    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()  # cpython: _base.py:581

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if timeout is not None:
            end_time = timeout + time.monotonic()  # cpython: _base.py:606
        fs = [self.submit(fn, *args) for args in zip(*iterables)]  # cpython: _base.py:608

        def result_iterator():
            try:
                fs.reverse()  # cpython: _base.py:615
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())  # cpython: _base.py:619
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())  # cpython: _base.py:621
            finally:
                for future in fs:
                    future.cancel()  # cpython: _base.py:624
        return result_iterator()  # cpython: _base.py:625

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self  # cpython: _base.py:644

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)  # cpython: _base.py:647
        return False  # cpython: _base.py:648


_threads_queues = {}
_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())  # cpython: thread.py:27
    for t, q in items:
        q.put(None)  # cpython: thread.py:29
    for t, q in items:
        t.join()  # cpython: thread.py:31


threading._register_atexit(_python_exit)


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            # Unwrapped into the item's own attributes so the call reads as CPython's does
            # (a traceback through this line shows it).
            self.fn, self.args, self.kwargs = threading._unwrap_partial(
                self.fn, self.args, self.kwargs)
            result = self.fn(*self.args, **self.kwargs)  # cpython: thread.py:58
        except BaseException as exc:
            self.future.set_exception(exc)  # cpython: thread.py:60
            self = None
        else:
            self.future.set_result(result)  # cpython: thread.py:64


def _worker(executor, work_queue, initializer, initargs):
    # CPython passes a weak reference to the executor; loopscope keeps it alive instead
    # (shutdown and the interpreter's exit still stop the workers).
    if initializer is not None:
        try:
            initializer(*initargs)  # cpython: thread.py:72
        except BaseException:
            executor._initializer_failed()  # cpython: thread.py:77
            return
    while True:
        work_item = work_queue.get(block=True)  # cpython: thread.py:81
        if work_item is not None:
            work_item.run()  # cpython: thread.py:83
            del work_item
            executor._idle_semaphore.release()  # cpython: thread.py:90
            continue
        if _shutdown or executor._shutdown:
            executor._shutdown = True
            work_queue.put(None)  # cpython: thread.py:105
            return


class BrokenThreadPool(BrokenExecutor):
    pass


class ThreadPoolExecutor(Executor):
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, _CPU_COUNT + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")  # cpython: thread.py:144
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")  # cpython: thread.py:147
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()  # cpython: thread.py:150
        self._idle_semaphore = threading.Semaphore(0)  # cpython: thread.py:151
        self._threads = set()  # cpython: thread.py:152
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()  # cpython: thread.py:155
        self._thread_name_prefix = (thread_name_prefix or  # cpython: thread.py:156
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)  # cpython: thread.py:164
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')  # cpython: thread.py:167
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '  # cpython: thread.py:169
                                   'interpreter shutdown')
            f = Future()
            w = _WorkItem(f, fn, args, kwargs)  # cpython: thread.py:173
            self._work_queue.put(w)  # cpython: thread.py:175
            self._adjust_thread_count()  # cpython: thread.py:176
            return f  # cpython: thread.py:177

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)  # cpython: thread.py:190
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self,  # cpython: thread.py:192
                                     num_threads)
            t = threading.Thread(name=thread_name, target=_worker,  # cpython: thread.py:194
                                 args=(self,
                                       self._work_queue,
                                       self._initializer,
                                       self._initargs))
            t.start()  # cpython: thread.py:199
            self._threads.add(t)  # cpython: thread.py:200
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '  # cpython: thread.py:205
                            'is not usable anymore')
            while True:
                try:
                    work_item = self._work_queue.get_nowait()  # cpython: thread.py:210
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))  # cpython: thread.py:214

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()  # cpython: thread.py:224
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()  # cpython: thread.py:228
            self._work_queue.put(None)  # cpython: thread.py:232
        if wait:
            for t in self._threads:
                t.join()  # cpython: thread.py:235


class ProcessPoolExecutor(ThreadPoolExecutor):
    """A simulation: the worker "processes" are threads of loopscope's thread model, so
    CPU-bound jobs still take turns on one GIL (CPython's processes would run in parallel).
    The API, result order and exceptions are ThreadPoolExecutor's; workers are named
    ProcessPoolExecutor-N_M."""

    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, mp_context=None, initializer=None,
                 initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = _CPU_COUNT
        ThreadPoolExecutor.__init__(
            self, max_workers,
            thread_name_prefix="ProcessPoolExecutor-%d" % self._counter(),
            initializer=initializer, initargs=initargs)
