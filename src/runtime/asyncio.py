# loopscope's asyncio: CPython 3.11's Lib/asyncio re-told for loopscope's VM.
# The structure, names, qualnames and ordering follow CPython's sources (events, base_events,
# futures, tasks, locks, queues, timeouts, taskgroups, runners) so that every callback the
# loop runs, and every line a script prints, comes out in CPython's order. Time comes from
# the runtime's driver through _loopscope (virtual clock by default).

import heapq
import types
import _loopscope

# Tracing is decided once, at import: when off, each hook costs one global lookup.
_TRACE = _loopscope.TRACE
_tr = _loopscope.trace
_HANDLES = _loopscope.HANDLES
_now = _loopscope.now
_timer_push = _loopscope.timer_push

# collections.deque's operations asyncio uses, native.
_deque = _loopscope.deque


# ---------------------------------------------------------------- exceptions


class CancelledError(BaseException):
    __module__ = "asyncio.exceptions"


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    __module__ = "asyncio.exceptions"


class SendfileNotAvailableError(RuntimeError):
    __module__ = "asyncio.exceptions"


class IncompleteReadError(EOFError):
    __module__ = "asyncio.exceptions"

    def __init__(self, partial, expected):  # cpython: exceptions.py:36
        r_expected = 'undefined' if expected is None else repr(expected)  # cpython: exceptions.py:37
        super().__init__(f'{len(partial)} bytes read on a total of '  # cpython: exceptions.py:38
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    __module__ = "asyncio.exceptions"

    def __init__(self, message, consumed):  # cpython: exceptions.py:53
        super().__init__(message)  # cpython: exceptions.py:54
        self.consumed = consumed


class BrokenBarrierError(RuntimeError):
    __module__ = "asyncio.exceptions"


class QueueEmpty(Exception):
    __module__ = "asyncio.queues"


class QueueFull(Exception):
    __module__ = "asyncio.queues"


# ---------------------------------------------------------------- helpers


def iscoroutine(obj):  # cpython: coroutines.py:34
    return _loopscope.iscoroutine(obj)


def iscoroutinefunction(func):  # cpython: coroutines.py:21
    return _loopscope.iscoroutinefunction(func) or getattr(func, "_is_coroutine", None) is _is_coroutine


_is_coroutine = object()


def isfuture(obj):  # cpython: base_futures.py:14
    return (hasattr(type(obj), '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


import functools as _functools
# asyncio formats partials by their func/args/keywords (format_helpers), and --handles
# prints their repr: the same class scripts get from functools.
_partial = _functools.partial


def _format_args_and_kwargs(args, kwargs):  # cpython: format_helpers.py:30
    items = []  # cpython: format_helpers.py:36
    if args:
        items.extend(_reprlib_repr(arg) for arg in args)
    if kwargs:
        items.extend(f'{k}={_reprlib_repr(v)}' for k, v in kwargs.items())
    return '({})'.format(', '.join(items))  # cpython: format_helpers.py:41


def _reprlib_repr(x):
    r = repr(x)
    if len(r) > 30:
        i = max(0, (30 - 3) // 2)
        j = max(0, 30 - 3 - i)
        r = r[:i] + '...' + r[len(r) - j:]
    return r


def _get_function_source(func):  # cpython: format_helpers.py:10
    if isinstance(func, _partial):
        return _get_function_source(func.func)  # cpython: format_helpers.py:16
    if _loopscope.isfunction(func):
        code = func.__code__
        return _loopscope.cpython_location(code.co_filename, code.co_firstlineno)
    return None


def _format_callback(func, args, kwargs, suffix=''):  # cpython: format_helpers.py:44
    if isinstance(func, _partial):
        suffix = _format_args_and_kwargs(args, kwargs) + suffix  # cpython: format_helpers.py:46
        return _format_callback(func.func, func.args, func.keywords, suffix)  # cpython: format_helpers.py:47
    qn = _qualname(func)
    if qn:
        func_repr = qn
    elif getattr(func, '__name__', None):
        func_repr = func.__name__
    else:
        func_repr = repr(func)  # cpython: format_helpers.py:54
    func_repr += _format_args_and_kwargs(args, kwargs)  # cpython: format_helpers.py:56
    if suffix:
        func_repr += suffix
    return func_repr


def _qualname(func):
    # A bound method's __qualname__ is its function's.
    qn = getattr(func, '__qualname__', None)
    if qn is None:
        inner = getattr(func, '__func__', None)
        if inner is not None:
            qn = getattr(inner, '__qualname__', None)
    elif '.' not in qn:
        # A method of a built-in type ("list.append"), until the VM names it so.
        qn = _loopscope.builtin_qualname(func) or qn
    return qn


def _format_callback_source(func, args):  # cpython: format_helpers.py:22
    func_repr = _format_callback(func, args, None)  # cpython: format_helpers.py:23
    source = _get_function_source(func)  # cpython: format_helpers.py:24
    if source:
        func_repr += f' at {source[0]}:{source[1]}'  # cpython: format_helpers.py:26
    return func_repr


def _format_coroutine(coro):  # cpython: coroutines.py:50
    return _loopscope.coro_repr(coro)


# ---------------------------------------------------------------- events


class Handle:
    __module__ = "asyncio.events"
    # Defaults on the class: one handle per callback, so fewer stores per handle.
    _cancelled = False
    _repr = None
    _source_traceback = None

    def __init__(self, callback, args, loop, context=None):  # cpython: events.py:31
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        if loop.get_debug():
            self._source_traceback = _loopscope.source_traceback(1)

    def _repr_info(self):  # cpython: events.py:46
        info = [self.__class__.__name__]  # cpython: events.py:47
        if self._cancelled:
            info.append('cancelled')  # cpython: events.py:49
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        if self._source_traceback:
            frame = self._source_traceback[-1]  # cpython: events.py:54
            info.append(f'created at {frame[0]}:{frame[1]}')  # cpython: events.py:55
        return info

    def __repr__(self):  # cpython: events.py:58
        if self._repr is not None:
            return self._repr
        info = self._repr_info()  # cpython: events.py:61
        return '<{}>'.format(' '.join(info))  # cpython: events.py:62


def _describe(cb):
    owner = getattr(cb, "__self__", None)
    if isinstance(owner, Task):
        return f"step {owner.get_name()}"
    return f"call {_qualname(cb) or repr(cb)}"


def _print_handle(cb, now):
    # The line oracle.py --handles prints before each callback.
    print(f"@{now:.3f} {_describe(cb)}")


class TimerHandle(Handle):
    __module__ = "asyncio.events"

    _scheduled = False

    def __init__(self, when, callback, args, loop, context=None):  # cpython: events.py:103
        self._context = context
        self._loop = loop
        self._callback = callback
        self._args = args
        self._when = when
        if loop.get_debug():
            # CPython's stack starts in TimerHandle.__init__ (then dropped): one frame fewer.
            self._source_traceback = _loopscope.source_traceback(1, 9)

    def _repr_info(self):  # cpython: events.py:110
        info = super()._repr_info()  # cpython: events.py:111
        pos = 2 if self._cancelled else 1
        info.insert(pos, f'when={self._when}')  # cpython: events.py:113
        return info

    def __hash__(self):  # cpython: events.py:116
        return hash(self._when)  # cpython: events.py:117

    def __lt__(self, other):  # cpython: events.py:119
        if isinstance(other, TimerHandle):  # cpython: events.py:120
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):  # cpython: events.py:124
        if isinstance(other, TimerHandle):  # cpython: events.py:125
            return self._when < other._when or self.__eq__(other)  # cpython: events.py:126
        return NotImplemented

    def __gt__(self, other):  # cpython: events.py:129
        if isinstance(other, TimerHandle):  # cpython: events.py:130
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):  # cpython: events.py:134
        if isinstance(other, TimerHandle):  # cpython: events.py:135
            return self._when > other._when or self.__eq__(other)  # cpython: events.py:136
        return NotImplemented

    def __eq__(self, other):  # cpython: events.py:139
        if isinstance(other, TimerHandle):  # cpython: events.py:140
            return (self._when == other._when and  # cpython: events.py:141
                    self._callback == other._callback and
                    self._args == other._args and
                    self._cancelled == other._cancelled)
        return NotImplemented

    def when(self):  # cpython: events.py:152
        return self._when


class AbstractEventLoop:
    __module__ = "asyncio.events"


class AbstractEventLoopPolicy:
    __module__ = "asyncio.events"


_running_loop = None


def _get_running_loop():  # cpython: events.py:728
    return _running_loop


def _set_running_loop(loop):  # cpython: events.py:740
    global _running_loop
    _running_loop = loop


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    __module__ = "asyncio.events"

    def __init__(self):  # cpython: events.py:663
        self._loop = None
        self._set_called = False

    def get_event_loop(self):  # cpython: events.py:666
        if self._loop is None and not self._set_called:
            self.set_event_loop(self.new_event_loop())  # cpython: events.py:674
        if self._loop is None:
            raise RuntimeError('There is no current event loop in thread %r.'  # cpython: events.py:677
                               % 'MainThread')
        return self._loop

    def set_event_loop(self, loop):  # cpython: events.py:682
        self._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):  # cpython: events.py:685
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")  # cpython: events.py:686
        self._loop = loop

    def new_event_loop(self):  # cpython: events.py:689
        return VirtualLoop()

    def get_child_watcher(self):
        raise NotImplementedError("child watchers need processes")


class _UnixDefaultEventLoopPolicy(BaseDefaultEventLoopPolicy):
    __module__ = "asyncio.unix_events"


DefaultEventLoopPolicy = _UnixDefaultEventLoopPolicy
_event_loop_policy = None


def get_event_loop_policy():  # cpython: events.py:758
    global _event_loop_policy
    if _event_loop_policy is None:
        _event_loop_policy = DefaultEventLoopPolicy()
    return _event_loop_policy


def set_event_loop_policy(policy):  # cpython: events.py:765
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):  # cpython: events.py:770
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, not '{type(policy).__name__}'")  # cpython: events.py:771
    _event_loop_policy = policy


def get_event_loop():  # cpython: events.py:775
    current_loop = _running_loop
    if current_loop is not None:
        return current_loop
    return get_event_loop_policy().get_event_loop()


_get_event_loop = get_event_loop


def set_event_loop(loop):  # cpython: events.py:799
    get_event_loop_policy().set_event_loop(loop)  # cpython: events.py:801


def new_event_loop():  # cpython: events.py:804
    return get_event_loop_policy().new_event_loop()  # cpython: events.py:806


# ---------------------------------------------------------------- base_events

_MIN_SCHEDULED_TIMER_HANDLES = 100
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5
MAXIMUM_SELECT_TIMEOUT = 24 * 3600


def _run_until_complete_cb(fut):  # cpython: base_events.py:180
    if not fut.cancelled():  # cpython: base_events.py:181
        exc = fut.exception()  # cpython: base_events.py:182
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):  # cpython: base_events.py:183
            return
    _get_loop(fut).stop()


class BaseEventLoop(AbstractEventLoop):
    __module__ = "asyncio.base_events"
    _coroutine_origin_tracking_enabled = False
    _coroutine_origin_tracking_saved_depth = None

    def __init__(self):  # cpython: base_events.py:389
        if _TRACE:
            self._trace_iteration = 0
        self._timer_cancelled_count = 0
        self._closed = False
        self._stopping = False
        self._ready = _deque()
        self._scheduled = []  # cpython: base_events.py:394
        self._default_executor = None
        self._internal_fds = 0
        self._thread_id = None
        self._clock_resolution = 1e-9
        self._exception_handler = None
        self._debug = False
        self.slow_callback_duration = 0.1
        self._current_handle = None
        self._task_factory = None
        self._asyncgens = []
        self._asyncgens_shutdown_called = False
        self._executor_shutdown_called = False
        self._self_pipe_pending = False
        self._coroutine_origin_tracking_enabled = False
        self._coroutine_origin_tracking_saved_depth = None
        # BaseSelectorEventLoop.__init__'s (Linux's DefaultSelector).
        _loopscope.log_error('Using selector: EpollSelector', None, 10)  # cpython: selector_events.py:54

    def __repr__(self):  # cpython: base_events.py:419
        return (  # cpython: base_events.py:420
            f'<{self.__class__.__name__} running={self.is_running()} '
            f'closed={self.is_closed()} debug={self.get_debug()}>'
        )

    def create_task(self, coro, *, name=None, context=None):  # cpython: base_events.py:429
        self._check_closed()  # cpython: base_events.py:434
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name, context=context)  # cpython: base_events.py:436
            if task._source_traceback:
                del task._source_traceback[-1]  # cpython: base_events.py:438
        else:
            if context is None:
                task = self._task_factory(self, coro)  # cpython: base_events.py:442
            else:
                task = self._task_factory(self, coro, context=context)  # cpython: base_events.py:444
            _set_task_name(task, name)
        return task

    def set_task_factory(self, factory):  # cpython: base_events.py:450
        if factory is not None and not callable(factory):  # cpython: base_events.py:460
            raise TypeError('task factory must be a callable or None')  # cpython: base_events.py:461
        self._task_factory = factory

    def get_task_factory(self):  # cpython: base_events.py:464
        return self._task_factory

    def _check_closed(self):  # cpython: base_events.py:517
        if self._closed:
            raise RuntimeError('Event loop is closed')  # cpython: base_events.py:519

    def _check_default_executor(self):  # cpython: base_events.py:521
        if self._executor_shutdown_called:
            raise RuntimeError('Executor shutdown has been called')  # cpython: base_events.py:523

    def _asyncgen_finalizer_hook(self, agen):  # cpython: base_events.py:525
        if not self.is_closed():  # cpython: base_events.py:527
            self.call_soon_threadsafe(self.create_task, agen.aclose())  # cpython: base_events.py:528

    def _asyncgen_firstiter_hook(self, agen):  # cpython: base_events.py:530
        if self._asyncgens_shutdown_called:
            _loopscope.warn(
                f"asynchronous generator {agen!r} was scheduled after "
                f"loop.shutdown_asyncgens() call", "ResourceWarning")
        self._asyncgens.append(agen)

    async def shutdown_asyncgens(self):  # cpython: base_events.py:539
        self._asyncgens_shutdown_called = True
        closing_agens = _loopscope.agen_take_all(self)
        if not len(closing_agens):
            return
        results = await gather(
            *[ag.aclose() for ag in closing_agens],
            return_exceptions=True)
        for result, agen in zip(results, closing_agens):  # cpython: base_events.py:555
            if isinstance(result, Exception):  # cpython: base_events.py:556
                self.call_exception_handler({  # cpython: base_events.py:557
                    'message': f'an error occurred during closing of '
                               f'asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen
                })

    async def shutdown_default_executor(self):  # cpython: base_events.py:564
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        import _loopscope_asyncio_threads
        await _loopscope_asyncio_threads.shutdown_default_executor(self)

    def _check_running(self):  # cpython: base_events.py:586
        if self.is_running():  # cpython: base_events.py:587
            raise RuntimeError('This event loop is already running')  # cpython: base_events.py:588
        if _get_running_loop() is not None:
            raise RuntimeError(  # cpython: base_events.py:590
                'Cannot run the event loop while another loop is running')

    def run_forever(self):  # cpython: base_events.py:593
        self._check_closed()  # cpython: base_events.py:595
        self._check_running()  # cpython: base_events.py:596
        self._set_coroutine_origin_tracking(self._debug)  # cpython: base_events.py:597
        old_hooks = _loopscope.get_asyncgen_hooks()
        try:
            self._thread_id = 1
            _loopscope.set_asyncgen_hooks(self._asyncgen_firstiter_hook,
                                          self._asyncgen_finalizer_hook)
            _set_running_loop(self)
            while True:
                self._run_once()  # cpython: base_events.py:607
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            _set_running_loop(None)
            self._set_coroutine_origin_tracking(False)  # cpython: base_events.py:614
            _loopscope.set_asyncgen_hooks(*old_hooks)

    def run_until_complete(self, future):  # cpython: base_events.py:617
        self._check_closed()  # cpython: base_events.py:628
        self._check_running()  # cpython: base_events.py:629
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)  # cpython: base_events.py:638
        try:
            self.run_forever()  # cpython: base_events.py:640
        except:
            if new_task and future.done() and not future.cancelled():  # cpython: base_events.py:642
                future.exception()  # cpython: base_events.py:646
            raise  # cpython: base_events.py:647
        finally:
            future.remove_done_callback(_run_until_complete_cb)  # cpython: base_events.py:649
        if not future.done():  # cpython: base_events.py:650
            raise RuntimeError('Event loop stopped before Future completed.')  # cpython: base_events.py:651
        return future.result()  # cpython: base_events.py:653

    def stop(self):  # cpython: base_events.py:655
        self._stopping = True

    def close(self):  # cpython: base_events.py:663
        if self.is_running():  # cpython: base_events.py:671
            raise RuntimeError("Cannot close a running event loop")  # cpython: base_events.py:672
        if self._closed:
            return
        if self._debug:
            _loopscope.log_error('Close %r' % (self,), None, 10)  # cpython: base_events.py:676
        self._closed = True
        self._ready.clear()  # cpython: base_events.py:678
        self._scheduled.clear()  # cpython: base_events.py:679
        self._executor_shutdown_called = True
        self._default_executor = None
        _log_unretrieved(self)

    def is_closed(self):  # cpython: base_events.py:686
        return self._closed

    def is_running(self):  # cpython: base_events.py:696
        return (self._thread_id is not None)  # cpython: base_events.py:698

    def time(self):  # cpython: base_events.py:700
        return _now()

    def call_later(self, delay, callback, *args, context=None):  # cpython: base_events.py:709
        if delay is None:
            raise TypeError('delay must not be None')  # cpython: base_events.py:726
        if type(self) is not VirtualLoop or self._debug or not isinstance(delay, (int, float)):
            # (debug mode's stacks need call_at's frame, as in CPython, and so does the
            # traceback of a delay that is not a number)
            timer = self.call_at(self.time() + delay, callback, *args,  # cpython: base_events.py:727
                                 context=context)
            if timer._source_traceback:
                del timer._source_traceback[-1]  # cpython: base_events.py:730
            return timer
        # call_at inlined for loopscope's own loop (the hot path of asyncio.sleep).
        when = _now() + delay
        if self._closed:
            raise RuntimeError('Event loop is closed')
        if self._debug:
            self._check_callback(callback, 'call_at')
        timer = TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        _timer_push(self._scheduled, timer)
        timer._scheduled = True
        if _TRACE:
            _tr("timer_scheduled", timer, when, _describe(callback))
        return timer

    def call_at(self, when, callback, *args, context=None):  # cpython: base_events.py:733
        if when is None:
            raise TypeError("when cannot be None")  # cpython: base_events.py:739
        self._check_closed()  # cpython: base_events.py:740
        if self._debug:
            self._check_callback(callback, 'call_at')  # cpython: base_events.py:743
        timer = TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]  # cpython: base_events.py:746
        _loopscope.timer_push(self._scheduled, timer)
        timer._scheduled = True
        if _TRACE:
            _tr("timer_scheduled", timer, when, _describe(callback))
        return timer

    def _check_callback(self, callback, method):  # cpython: base_events.py:770
        if (iscoroutine(callback) or iscoroutinefunction(callback)):
            raise TypeError(  # cpython: base_events.py:773
                f"coroutines cannot be used with {method}()")
        if not callable(callback):  # cpython: base_events.py:775
            raise TypeError(  # cpython: base_events.py:776
                f'a callable object was expected by {method}(), '
                f'got {callback!r}')

    def call_soon_threadsafe(self, callback, *args, context=None):  # cpython: base_events.py:804
        self._check_closed()  # cpython: base_events.py:806
        if self._debug:
            self._check_callback(callback, 'call_soon_threadsafe')  # cpython: base_events.py:808
        handle = Handle(callback, args, self, context)
        if handle._source_traceback:
            # CPython's Handle is made in _call_soon: its stack counted that frame and this
            # one, then dropped both.
            handle._source_traceback = _loopscope.source_traceback(1, 8)
        self._ready.append(handle)
        self._write_to_self()  # cpython: base_events.py:812
        return handle

    def _write_to_self(self):  # cpython: base_events.py:504
        # The self-pipe: the next select() returns at once and _read_from_self runs.
        self._self_pipe_pending = True
        _loopscope.wake_loop()

    def run_in_executor(self, executor, func, *args):  # cpython: base_events.py:815
        # The thread parts live in their own module (asyncio_threads.py), loaded on first use.
        self._check_closed()  # cpython: base_events.py:816
        import _loopscope_asyncio_threads
        return _loopscope_asyncio_threads.run_in_executor(self, executor, func, *args)

    def set_default_executor(self, executor):  # cpython: base_events.py:831
        self._default_executor = executor

    def get_exception_handler(self):  # cpython: base_events.py:1701
        return self._exception_handler

    def set_exception_handler(self, handler):  # cpython: base_events.py:1706
        if handler is not None and not callable(handler):  # cpython: base_events.py:1718
            raise TypeError(f'A callable object or None is expected, '  # cpython: base_events.py:1719
                            f'got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):  # cpython: base_events.py:1723
        message = context.get('message')  # cpython: base_events.py:1738
        if not message:
            message = 'Unhandled exception in event loop'
        exception = context.get('exception')
        if ('source_traceback' not in context and  # cpython: base_events.py:1748
                self._current_handle is not None and
                self._current_handle._source_traceback):
            context['handle_traceback'] = \
                self._current_handle._source_traceback
        log_lines = [message]  # cpython: base_events.py:1754
        for key in sorted(context):  # cpython: base_events.py:1755
            if key in {'message', 'exception'}:
                continue
            value = context[key]  # cpython: base_events.py:1758
            if key in ('source_traceback', 'handle_traceback'):
                # traceback.format_list of debug mode's (filename, lineno, name, line)
                # entries (no function object made at import: object ids stay put).
                tb = ''
                for filename, lineno, name, line in value:
                    tb += f'  File "{filename}", line {lineno}, in {name}\n'
                    if line:
                        tb += f'    {line.strip()}\n'
                what = 'Object' if key == 'source_traceback' else 'Handle'
                value = f'{what} created at (most recent call last):\n'
                value += tb.rstrip()  # cpython: base_events.py:1762
            else:
                value = repr(value)  # cpython: base_events.py:1768
            log_lines.append(f'{key}: {value}')  # cpython: base_events.py:1769
        _loopscope.log_error('\n'.join(log_lines), exception)

    def call_exception_handler(self, context):  # cpython: base_events.py:1773
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)  # cpython: base_events.py:1797
            except (SystemExit, KeyboardInterrupt):
                raise  # cpython: base_events.py:1799
            except BaseException:
                _loopscope.log_error('Exception in default exception handler', None)
        else:
            try:
                self._exception_handler(self, context)  # cpython: base_events.py:1808
            except (SystemExit, KeyboardInterrupt):
                raise  # cpython: base_events.py:1810
            except BaseException as exc:
                try:
                    self.default_exception_handler({  # cpython: base_events.py:1815
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise  # cpython: base_events.py:1821
                except BaseException:
                    _loopscope.log_error('Exception in default exception handler', None)

    def _timer_handle_cancelled(self, handle):  # cpython: base_events.py:1840
        if handle._scheduled:
            self._timer_cancelled_count += 1

    def _run_once(self):  # cpython: base_events.py:1845
        sched_count = len(self._scheduled)  # cpython: base_events.py:1853
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and  # cpython: base_events.py:1854
            self._timer_cancelled_count / sched_count >
                _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            new_scheduled = []  # cpython: base_events.py:1859
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)  # cpython: base_events.py:1864
            _loopscope.timer_heapify(new_scheduled)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:  # cpython: base_events.py:1871
                self._timer_cancelled_count -= 1
                handle = _loopscope.timer_pop(self._scheduled)
                handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            when = self._scheduled[0]._when  # cpython: base_events.py:1881
            timeout = min(max(0, when - self.time()), MAXIMUM_SELECT_TIMEOUT)  # cpython: base_events.py:1882

        if _TRACE:
            self._trace_iteration = n = self._trace_iteration + 1
            _loopscope.io_refresh()
            _tr("iteration_begin", n, len(self._ready), timeout)
            _trace_snapshot(self, n)
        if self._self_pipe_pending:
            # Readable self-pipe: select() returns at once and its reader joins _ready
            # (_read_from_self drains it).
            self._ready.append(Handle(self._read_from_self, (), self, None))
        elif self._selector is not None:
            if timeout is None and _loopscope.io_would_block_forever(self._selector):
                raise RuntimeError(_deadlock_message(self))
            self._process_events(self._selector.select(timeout))
        else:
            if timeout is None and not _loopscope.threads_alive():
                raise RuntimeError(_deadlock_message(self))
            if _loopscope.select(timeout):
                # A thread called call_soon_threadsafe: the self-pipe is readable.
                self._ready.append(Handle(self._read_from_self, (), self, None))

        end_time = self.time() + self._clock_resolution  # cpython: base_events.py:1890
        while self._scheduled:
            handle = self._scheduled[0]  # cpython: base_events.py:1892
            if handle._when >= end_time:
                break
            handle = _loopscope.timer_pop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)  # cpython: base_events.py:1897
            if _TRACE:
                _tr("timer_fired", handle)

        ntodo = len(self._ready)  # cpython: base_events.py:1905
        for i in range(ntodo):  # cpython: base_events.py:1906
            handle = self._ready.popleft()  # cpython: base_events.py:1907
            if handle._cancelled:
                continue
            if self._debug:
                try:
                    self._current_handle = handle
                    t0 = self.time()  # cpython: base_events.py:1913
                    handle._run()  # cpython: base_events.py:1914
                    dt = self.time() - t0  # cpython: base_events.py:1915
                    if dt >= self.slow_callback_duration:
                        _loopscope.log_error('Executing %s took %.3f seconds'
                                             % (_format_handle(handle), dt), None, 30)
                finally:
                    self._current_handle = None
            else:
                handle._run()  # cpython: base_events.py:1922
        handle = None
        fin = _loopscope.agen_poll(self)
        if fin is not None:
            for agen in fin:
                self._asyncgen_finalizer_hook(agen)
        if _TRACE:
            _tr("iteration_end", self._trace_iteration)

    def get_debug(self):  # cpython: base_events.py:1940
        return self._debug

    def set_debug(self, enabled):  # cpython: base_events.py:1943
        self._debug = enabled
        if self.is_running():  # cpython: base_events.py:1946
            self.call_soon_threadsafe(self._set_coroutine_origin_tracking, enabled)  # cpython: base_events.py:1947

    def _set_coroutine_origin_tracking(self, enabled):  # cpython: base_events.py:1925
        if bool(enabled) == bool(self._coroutine_origin_tracking_enabled):  # cpython: base_events.py:1926
            return
        if enabled:
            self._coroutine_origin_tracking_saved_depth = (  # cpython: base_events.py:1930
                _loopscope.get_coroutine_origin_tracking_depth())
            _loopscope.set_coroutine_origin_tracking_depth(10)
        else:
            _loopscope.set_coroutine_origin_tracking_depth(
                self._coroutine_origin_tracking_saved_depth)
        self._coroutine_origin_tracking_enabled = enabled


def _deadlock_message(loop):
    lines = ["deadlock: the event loop would wait forever (nothing is ready and no timer is "
             "scheduled)"]
    waiting = [t for t in _all_tasks_alive() if t._loop is loop and not t.done()]
    if waiting:
        lines.append("tasks still waiting:")
    for t in waiting:
        w = t._fut_waiter
        what = "nothing (not scheduled)" if w is None else _describe_waiter(w)
        lines.append(f"  {t.get_name()} ({_format_coroutine(t._coro)}) waits on {what}")
    return "\n".join(lines)


def _describe_waiter(w):
    if isinstance(w, Task):
        return f"task {w.get_name()}"
    owner = getattr(w, "_loopscope_owner", None)
    if owner is not None:
        return f"a future of {owner}"
    return repr(w)


def _format_handle(handle):  # cpython: base_events.py:70
    cb = handle._callback
    if isinstance(getattr(cb, '__self__', None), Task):
        return repr(cb.__self__)  # cpython: base_events.py:74
    else:
        return str(handle)  # cpython: base_events.py:76


def _trace_snapshot(loop, n):
    if not _loopscope.trace_wants_snapshot():
        return
    ready = [(h, _describe(h._callback) if h._callback is not None else "cancelled", h._cancelled)
             for h in loop._ready]
    timers = [(h, h._when, _describe(h._callback) if h._callback is not None else "cancelled",
               h._cancelled) for h in loop._scheduled]
    tasks = []
    for t in _all_tasks_alive():
        if t._loop is not loop or t.done():
            continue
        if _current_task(loop) is t:
            state = "running"
        elif t._fut_waiter is not None:
            state = "waiting"
        else:
            state = "ready"
        chain = []
        c = t._coro
        while c is not None and len(chain) < 64:
            if not (_loopscope.iscoroutine(c) or _loopscope.isgenerator(c)):
                chain.append(repr(c))
                break
            chain.append(_format_coroutine(c))
            c = getattr(c, 'cr_await', None) if _loopscope.iscoroutine(c) else getattr(c, 'gi_yieldfrom', None)
        tasks.append((t, t.get_name(), state, chain))
    prims = []
    for obj in _trace_primitives:
        kind = type(obj).__name__
        if isinstance(obj, Queue):
            state = obj._format()
            waiters = list(obj._getters) + list(obj._putters)
        elif isinstance(obj, Barrier):
            state = f'{obj._state.value}, waiters:{obj.n_waiting}/{obj.parties}'
            waiters = list(obj._cond._waiters)
        else:
            r = repr(obj)
            state = r[r.rfind('[') + 1:-2] if r.endswith(']>') else r
            waiters = list(obj._waiters or ())
        prims.append((obj, kind, state, waiters))
    _tr("snapshot", n, ready, timers, tasks, prims, _loopscope.io_items())


# Primitives created while tracing, for snapshots.
_trace_primitives = []


_trace_quiet = [False]


def _trace_prim(obj):
    # A primitive's state for the visualizer, after each change: words, and its waiters.
    if _trace_quiet[0] or getattr(obj, '_ls_hidden', False):
        return
    kind = type(obj).__name__
    if isinstance(obj, Queue):
        state = obj._format()
        waiters = list(obj._getters) + list(obj._putters)
    elif isinstance(obj, Barrier):
        state = f'{obj._state.value}, waiters:{obj.n_waiting}/{obj.parties}'
        waiters = list(obj._cond._waiters)
    elif isinstance(obj, Lock):
        owner = getattr(obj, '_ls_owner', None) if obj._locked else None
        state = 'unlocked' if not obj._locked else (
            f'locked by {owner.get_name()}' if owner is not None else 'locked')
        waiters = list(obj._waiters or ())
    elif isinstance(obj, Event):
        state = 'set' if obj._value else 'unset'
        waiters = list(obj._waiters)
    elif isinstance(obj, Condition):
        state = 'locked' if obj.locked() else 'unlocked'
        waiters = list(obj._waiters)
    else:
        state = f'value:{obj._value}'
        waiters = list(obj._waiters or ())
    _tr("primitive", obj, kind, state, waiters)


if _TRACE:
    # What only tracing runs leaves the object ids as a plain run has them (see ids_kept).
    _trace_snapshot = _loopscope.ids_kept(_trace_snapshot)
    _trace_prim = _loopscope.ids_kept(_trace_prim)
    _describe = _loopscope.ids_kept(_describe)
    _trace_repr = _loopscope.ids_kept(repr)
    _trace_format_coroutine = _loopscope.ids_kept(_format_coroutine)


class BaseSelectorEventLoop(BaseEventLoop):
    __module__ = "asyncio.selector_events"
    # Created on first I/O (loopscope.net's selector): loops that only use timers keep the
    # native _run_once.
    _selector = None

    def _read_from_self(self):  # cpython: selector_events.py:116
        self._self_pipe_pending = False

    # add_reader, sock_recv, create_server, ... and asyncio.open_connection, StreamReader, ...
    # live in asyncio.streams (asyncio_net.py), loaded on first use by natives (net_glue.rs:
    # no Python objects here, so scripts without I/O allocate exactly what they did).


class _UnixSelectorEventLoop(BaseSelectorEventLoop):
    __module__ = "asyncio.unix_events"


SelectorEventLoop = _UnixSelectorEventLoop


class VirtualLoop(_UnixSelectorEventLoop):
    # The conformance oracle runs CPython's loop under this name (its virtual clock); loopscope
    # is that loop, so reprs match the oracle's.
    __module__ = "__main__"


# ---------------------------------------------------------------- futures

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def _format_callbacks(cb):  # cpython: base_futures.py:25
    size = len(cb)  # cpython: base_futures.py:27
    if not size:
        cb = ''

    def format_cb(callback):  # cpython: base_futures.py:31
        return _format_callback_source(callback, ())

    if size == 1:
        cb = format_cb(cb[0][0])  # cpython: base_futures.py:35
    elif size == 2:
        cb = '{}, {}'.format(format_cb(cb[0][0]), format_cb(cb[1][0]))  # cpython: base_futures.py:37
    elif size > 2:
        cb = '{}, <{} more>, {}'.format(format_cb(cb[0][0]),  # cpython: base_futures.py:39
                                        size - 2,
                                        format_cb(cb[-1][0]))
    return f'cb=[{cb}]'  # cpython: base_futures.py:42


def _future_repr_info(future):  # cpython: base_futures.py:45
    info = [future._state.lower()]  # cpython: base_futures.py:48
    if future._state == _FINISHED:
        if future._exception is not None:
            info.append(f'exception={future._exception!r}')  # cpython: base_futures.py:51
        else:
            result = _reprlib_repr(future._result) if False else _short_repr(future._result)
            info.append(f'result={result}')  # cpython: base_futures.py:56
    if future._callbacks:
        info.append(_format_callbacks(future._callbacks))  # cpython: base_futures.py:58
    if future._source_traceback:
        frame = future._source_traceback[-1]  # cpython: base_futures.py:60
        info.append(f'created at {frame[0]}:{frame[1]}')  # cpython: base_futures.py:61
    return info


def _short_repr(x):
    # reprlib.repr's defaults for the kinds a future holds most often.
    if isinstance(x, str):
        r = repr(x)
        if len(r) > 30:
            i = max(0, (30 - 3) // 2)
            j = max(0, 30 - 3 - i)
            r = r[:i] + '...' + r[len(r) - j:]
        return r
    if isinstance(x, (list, tuple)):
        items = [_short_repr(v) for v in x[:6]]
        if len(x) > 6:
            items.append('...')
        s = ', '.join(items)
        if isinstance(x, list):
            return '[' + s + ']'
        if len(x) == 1:
            return '(' + s + ',)'
        return '(' + s + ')'
    r = repr(x)
    if len(r) > 30:
        i = max(0, (30 - 3) // 2)
        j = max(0, 30 - 3 - i)
        r = r[:i] + '...' + r[len(r) - j:]
    return r


class Future:
    __module__ = "_asyncio"
    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _source_traceback = None
    _cancel_message = None
    _cancelled_exc = None
    _asyncio_future_blocking = False
    _log_traceback = False

    def __repr__(self):  # cpython: futures.py:88
        return '<{} {}>'.format(self.__class__.__name__,
                                ' '.join(self._repr_info()))

    def _repr_info(self):
        return _future_repr_info(self)

    def _make_cancelled_error(self):  # cpython: futures.py:126
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            exc = CancelledError()
        else:
            exc = CancelledError(self._cancel_message)
        exc.__context__ = self._cancelled_exc
        self._cancelled_exc = None
        return exc

    def cancel(self, msg=None):  # cpython: C (_asyncio.Future)
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        if _TRACE:
            _tr("future_done", self, "cancelled", "" if msg is None else _trace_repr(msg))
        self._schedule_callbacks()
        return True

    def remove_done_callback(self, fn):  # cpython: futures.py:238
        filtered_callbacks = [(f, ctx)  # cpython: futures.py:243
                              for (f, ctx) in self._callbacks
                              if f != fn]
        removed_count = len(self._callbacks) - len(filtered_callbacks)  # cpython: futures.py:246
        if removed_count:
            self._callbacks[:] = filtered_callbacks  # cpython: futures.py:248
        return removed_count

    def set_exception(self, exception):  # cpython: C (_asyncio.Future)
        if self._state != _PENDING:
            raise InvalidStateError(f'invalid state')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "  # cpython: futures.py:276
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        if _TRACE:
            _tr("future_done", self, "exception", _trace_repr(exception))
        self._schedule_callbacks()
        self._log_traceback = True
        _unretrieved_add(self)

    # Only a future whose exception nobody retrieved has work for __del__ (vm/finalize.rs);
    # __del__ itself is native (weak.rs), set just below.
    _loopscope_finalize_if = (('_log_traceback', True),)


_loopscope.set_finalizer(Future, "future")


# Futures with an exception nobody retrieved yet, held weakly: CPython reports them from
# Future.__del__ when they die (so does loopscope); those kept alive by a reference cycle are
# reported when their loop closes and at exit, as CPython's collector would find them.
_unretrieved_add, _unretrieved_remove, _unretrieved_alive, _unretrieved_weaken = _loopscope.weak_list()


def _log_unretrieved(loop):
    for fut in _unretrieved_alive():
        if loop is not None and fut._loop is not loop:
            continue
        _unretrieved_remove(fut)
        if fut._log_traceback:
            fut._log_traceback = False
            fut._loop.call_exception_handler({
                'message': f'{fut.__class__.__name__} exception was never retrieved',
                'exception': fut._exception,
                'future': fut,
            })


def _loopscope_at_exit():
    _log_unretrieved(None)
    # A loop the policy still holds (set_event_loop, never closed) outlives the script in
    # CPython: the tasks its ready queue and timers reach are never finalized, so never
    # reported (nor their coroutines closed).
    held = set()
    lp = getattr(_event_loop_policy, '_loop', None)
    if lp is not None and not lp.is_closed():
        todo = []
        for h in list(lp._ready) + list(lp._scheduled):
            if h._callback is not None:
                todo.append(h._callback)
            todo.extend(h._args or ())
        seen = set()
        while todo:
            o = todo.pop()
            if id(o) in seen:
                continue
            seen.add(id(o))
            owner = getattr(o, '__self__', None)
            if owner is not None:
                todo.append(owner)
            elif isinstance(o, Future):
                held.add(id(o))
                todo.extend(cb for cb, _ctx in (getattr(o, '_callbacks', None) or ()))
                for attr in ('_fut_waiter', '_children'):
                    v = getattr(o, attr, None)
                    if isinstance(v, list):
                        todo.extend(v)
                    elif v is not None:
                        todo.append(v)
    for t in _all_tasks_alive():
        if not t.done() and t._log_destroy_pending and id(t) not in held:
            # CPython's final collection finalizes the coroutine (allocated first) before
            # the task: its `finally` runs and the report says "done, defined at".
            try:
                t._coro.close()
            except BaseException:
                pass
            t._log_destroy_pending = False
            t._loop.call_exception_handler({
                'task': t,
                'message': 'Task was destroyed but it is pending!',
            })


def _get_loop(fut):  # cpython: futures.py:299
    try:
        get_loop = fut.get_loop
    except AttributeError:
        pass
    else:
        return get_loop()  # cpython: futures.py:307
    return fut._loop


def wrap_future(future, *, loop=None):  # cpython: futures.py:409
    if isfuture(future):  # cpython: futures.py:411
        return future
    import _loopscope_asyncio_threads
    return _loopscope_asyncio_threads.wrap_future(future, loop=loop)


# A native that calls asyncio_threads.to_thread (no new function object here: object ids,
# which order sets as addresses do in CPython, stay what they were).
to_thread = _loopscope.to_thread


# ---------------------------------------------------------------- tasks

_task_name_counter = [0]
# CPython's _all_tasks WeakSet, in creation order; it holds a task until the task is done
# (weak.rs says why).
_all_tasks_add, _all_tasks_remove, _all_tasks_alive, _all_tasks_weaken = _loopscope.weak_list(True)


def _next_task_name():
    _task_name_counter[0] += 1
    return f'Task-{_task_name_counter[0]}'


def _set_task_name(task, name):  # cpython: tasks.py:65
    if name is not None:
        try:
            set_name = task.set_name
        except AttributeError:
            pass
        else:
            set_name(name)  # cpython: tasks.py:75


class Task(Future):
    __module__ = "_asyncio"
    _log_destroy_pending = True
    _loopscope_finalize_if = (('_log_traceback', True), ('_state', _PENDING))

    def __init__(self, coro, *, loop=None, name=None, context=None):  # cpython: C (_asyncio.Task)
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        if name is None:
            self._name = _next_task_name()
        else:
            self._name = str(name)
        self._num_cancels_requested = 0
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        if context is None:
            context = _loopscope.copy_context()
        self._context = context
        if _TRACE:
            _tr("task_created", self, self._name, _trace_format_coroutine(coro))
        if context is None:
            self._loop.call_soon(self.__step)
        else:
            self._loop.call_soon(self.__step, context=context)
        _register_task(self)

    def _repr_info(self):
        info = _future_repr_info(self)
        if self.cancelling() and not self.done():
            info[0] = 'cancelling'
        info.insert(1, 'name=%r' % self.get_name())
        coro = _format_coroutine(self._coro)
        info.insert(2, f'coro=<{coro}>')
        if self._fut_waiter is not None:
            info.insert(3, f'wait_for={self._fut_waiter!r}')
        return info

    def get_coro(self):  # cpython: tasks.py:149
        return self._coro

    def get_context(self):
        return self._context

    def get_name(self):  # cpython: tasks.py:152
        return self._name

    def set_name(self, value):  # cpython: tasks.py:155
        self._name = str(value)  # cpython: tasks.py:156

    def set_result(self, result):  # cpython: C (_asyncio.Task)
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):  # cpython: C (_asyncio.Task)
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):  # cpython: tasks.py:164
        # base_tasks._task_get_stack: the coroutine's frame and its callers while it runs,
        # else the frames of the exception's traceback.
        frames = []
        coro = self._coro
        if hasattr(coro, 'cr_frame'):
            f = coro.cr_frame
        elif hasattr(coro, 'gi_frame'):
            f = coro.gi_frame
        elif hasattr(coro, 'ag_frame'):
            f = coro.ag_frame
        else:
            f = None
        if f is not None:
            while f is not None:
                if limit is not None:
                    if limit <= 0:
                        break
                    limit -= 1
                frames.append(f)
                f = f.f_back
            frames.reverse()
        elif self._exception is not None:
            tb = self._exception.__traceback__
            while tb is not None:
                if limit is not None:
                    if limit <= 0:
                        break
                    limit -= 1
                frames.append(tb.tb_frame)
                tb = tb.tb_next
        return frames

    def print_stack(self, *, limit=None, file=None):  # cpython: tasks.py:187
        # base_tasks._task_print_stack: the header goes to `file` (stdout by default), the
        # frames through traceback.print_list (stderr by default), as in CPython.
        import sys
        import _loopscope
        extracted = []
        for f in self.get_stack(limit=limit):
            co = f.f_code
            filename, lineno = _loopscope.cpython_location(co.co_filename, f.f_lineno)
            extracted.append((filename, lineno, co.co_name,
                              _loopscope.source_line(co.co_filename, f.f_lineno)))
        exc = self._exception
        if not extracted:
            print(f'No stack for {self!r}', file=file)
        elif exc is not None:
            print(f'Traceback for {self!r} (most recent call last):', file=file)
        else:
            print(f'Stack for {self!r} (most recent call last):', file=file)
        out = sys.stderr if file is None else file
        for filename, lineno, name, line in extracted:
            print(f'  File "{filename}", line {lineno}, in {name}', file=out)
            if line:
                print(f'    {line.strip()}', file=out)
        if exc is not None:
            import traceback
            for line in traceback.format_exception_only(exc.__class__, exc):
                print(line, file=file, end='')

    def cancel(self, msg=None):  # cpython: C (_asyncio.Task)
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):  # cpython: tasks.py:240
        return self._num_cancels_requested

    def uncancel(self):  # cpython: tasks.py:248
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested


_loopscope.set_finalizer(Task, "task")


def _finalize_dropped_agens(loop):
    # Async generators whose last reference died during a task step are finalized before the
    # task schedules anything else, as CPython's refcounting would.
    fin = _loopscope.agen_poll(loop)
    if fin is not None:
        for agen in fin:
            loop._asyncgen_finalizer_hook(agen)


def _trace_task_state(task):
    if task.done():
        if task.cancelled():
            state = "cancelled"
        elif task._exception is not None:
            state = "failed"
        else:
            state = "done"
        _tr("task_state", task, state, None)
    elif task._fut_waiter is not None:
        _tr("task_state", task, "waiting", task._fut_waiter)
    else:
        _tr("task_state", task, "ready", None)


def _register_task(task):  # cpython: tasks.py:948
    _all_tasks_add(task)


# _enter_task(loop, task), _leave_task(loop, task) and _current_task(loop) are native
# (tasks.rs): which task each loop runs is kept in Rust, where Task.__step reads it.


def _unregister_task(task):  # cpython: tasks.py:969
    try:
        _all_tasks_remove(task)
    except ValueError:
        pass


def current_task(loop=None):  # cpython: tasks.py:35
    if loop is None:
        loop = get_running_loop()
    return _current_task(loop)


def all_tasks(loop=None):  # cpython: tasks.py:42
    if loop is None:
        loop = get_running_loop()
    return {t for t in _all_tasks_alive() if not t.done() and _get_loop(t) is loop}


def create_task(coro, *, name=None, context=None):  # cpython: tasks.py:376
    loop = get_running_loop()
    if context is None:
        task = loop.create_task(coro)  # cpython: tasks.py:384
    else:
        task = loop.create_task(coro, context=context)  # cpython: tasks.py:386
    _set_task_name(task, name)  # cpython: tasks.py:388
    return task


FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):  # cpython: tasks.py:399
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")  # cpython: tasks.py:416
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')  # cpython: tasks.py:418
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):  # cpython: tasks.py:419
        raise ValueError(f'Invalid return_when value: {return_when}')  # cpython: tasks.py:420
    fs = set(fs)  # cpython: tasks.py:422
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")  # cpython: tasks.py:425
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)  # cpython: tasks.py:428


def _release_waiter(waiter, *args):  # cpython: tasks.py:431
    if not waiter.done():  # cpython: tasks.py:432
        waiter.set_result(None)  # cpython: tasks.py:433


async def wait_for(fut, timeout):  # cpython: tasks.py:436
    loop = get_running_loop()
    if timeout is None:
        return await fut  # cpython: tasks.py:452
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)  # cpython: tasks.py:455
        if fut.done():  # cpython: tasks.py:457
            return fut.result()  # cpython: tasks.py:458
        await _cancel_and_wait(fut, loop=loop)  # cpython: tasks.py:460
        try:
            return fut.result()  # cpython: tasks.py:462
        except CancelledError as exc:
            raise TimeoutError() from exc  # cpython: tasks.py:464 raise exceptions.TimeoutError() from exc
    waiter = loop.create_future()  # cpython: tasks.py:466
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)  # cpython: tasks.py:467
    cb = _partial(_release_waiter, waiter)
    fut = ensure_future(fut, loop=loop)  # cpython: tasks.py:470
    fut.add_done_callback(cb)  # cpython: tasks.py:471
    try:
        try:
            await waiter  # cpython: tasks.py:476
        except CancelledError:
            if fut.done():  # cpython: tasks.py:478
                return fut.result()  # cpython: tasks.py:479
            else:
                fut.remove_done_callback(cb)  # cpython: tasks.py:481
                await _cancel_and_wait(fut, loop=loop)  # cpython: tasks.py:485
                raise  # cpython: tasks.py:486
        if fut.done():  # cpython: tasks.py:488
            return fut.result()  # cpython: tasks.py:489
        else:
            fut.remove_done_callback(cb)  # cpython: tasks.py:491
            await _cancel_and_wait(fut, loop=loop)  # cpython: tasks.py:495
            try:
                return fut.result()  # cpython: tasks.py:500
            except CancelledError as exc:
                raise TimeoutError() from exc  # cpython: tasks.py:502 raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()  # cpython: tasks.py:504


async def _wait(fs, timeout, return_when, loop):  # cpython: tasks.py:507
    assert fs, 'Set of Futures is empty.'
    waiter = loop.create_future()  # cpython: tasks.py:513
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)  # cpython: tasks.py:516
    counter = len(fs)  # cpython: tasks.py:517

    def _on_completion(f):  # cpython: tasks.py:519
        nonlocal counter
        counter -= 1
        if (counter <= 0 or  # cpython: tasks.py:522
            return_when == FIRST_COMPLETED or
            return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()  # cpython: tasks.py:527
            if not waiter.done():  # cpython: tasks.py:528
                waiter.set_result(None)  # cpython: tasks.py:529

    for f in fs:
        f.add_done_callback(_on_completion)  # cpython: tasks.py:532

    try:
        await waiter  # cpython: tasks.py:535
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()  # cpython: tasks.py:538
        for f in fs:
            f.remove_done_callback(_on_completion)  # cpython: tasks.py:540

    done, pending = set(), set()  # cpython: tasks.py:542
    for f in fs:
        if f.done():  # cpython: tasks.py:544
            done.add(f)  # cpython: tasks.py:545
        else:
            pending.add(f)  # cpython: tasks.py:547
    return done, pending


async def _cancel_and_wait(fut, loop):  # cpython: tasks.py:551
    waiter = loop.create_future()  # cpython: tasks.py:554
    cb = _partial(_release_waiter, waiter)
    fut.add_done_callback(cb)  # cpython: tasks.py:556
    try:
        fut.cancel()  # cpython: tasks.py:559
        await waiter  # cpython: tasks.py:562
    finally:
        fut.remove_done_callback(cb)  # cpython: tasks.py:564


def as_completed(fs, *, timeout=None):  # cpython: tasks.py:568
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")  # cpython: tasks.py:587
    done = Queue()  # cpython: tasks.py:590
    loop = _get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}  # cpython: tasks.py:593
    timeout_handle = None

    def _on_timeout():  # cpython: tasks.py:596
        for f in todo:
            f.remove_done_callback(_on_completion)  # cpython: tasks.py:598
            done.put_nowait(None)  # cpython: tasks.py:599
        todo.clear()  # cpython: tasks.py:600

    def _on_completion(f):  # cpython: tasks.py:602
        if not todo:
            return
        todo.remove(f)  # cpython: tasks.py:605
        done.put_nowait(f)  # cpython: tasks.py:606
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()  # cpython: tasks.py:608

    async def _wait_for_one():  # cpython: tasks.py:610
        f = await done.get()  # cpython: tasks.py:611
        if f is None:
            raise TimeoutError  # cpython: tasks.py:614 raise exceptions.TimeoutError
        return f.result()  # May raise f.exception().  # cpython: tasks.py:615

    for f in todo:
        f.add_done_callback(_on_completion)  # cpython: tasks.py:618
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)  # cpython: tasks.py:620
    for _ in range(len(todo)):  # cpython: tasks.py:621
        yield _wait_for_one()  # cpython: tasks.py:622


def __sleep0():  # cpython: tasks.py:625
    yield  # cpython: tasks.py:634


__sleep0 = types.coroutine(__sleep0)


async def sleep(delay, result=None):  # cpython: tasks.py:637
    if delay <= 0:
        await __sleep0()  # cpython: tasks.py:640
        return result
    # get_running_loop(), loop.create_future(), h = loop.call_later(delay,
    # _set_result_unless_cancelled, future, result) in one native call (futures.rs); `future`
    # is a waiter that awaits the future and cancels `h` when the await ends (close() does it
    # when an exception was thrown in instead). It is named as CPython's local is because
    # a traceback through sleep shows this line.
    future = _sleep_wait(delay, result)
    if _TRACE:
        # The visualizer names the awaited future "sleep(1.0)".
        _tr("sleep", delay)
    try:
        return await future  # cpython: tasks.py:649
    finally:
        future.close()


def ensure_future(coro_or_future, *, loop=None):  # cpython: tasks.py:654
    return _ensure_future(coro_or_future, loop=loop)  # cpython: tasks.py:659


def _ensure_future(coro_or_future, *, loop=None):  # cpython: tasks.py:662
    if isfuture(coro_or_future):
        if loop is not None and loop is not _get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than '  # cpython: tasks.py:665
                             'the one specified as the loop argument')
        return coro_or_future
    called_wrap_awaitable = False
    if not iscoroutine(coro_or_future):
        if _loopscope.isawaitable(coro_or_future):
            coro_or_future = _wrap_awaitable(coro_or_future)  # cpython: tasks.py:671
            called_wrap_awaitable = True
        else:
            raise TypeError('An asyncio.Future, a coroutine or an awaitable '  # cpython: tasks.py:674
                            'is required')
    if loop is None:
        loop = _get_event_loop()
    try:
        return loop.create_task(coro_or_future)  # cpython: tasks.py:680
    except RuntimeError:
        if not called_wrap_awaitable:
            coro_or_future.close()  # cpython: tasks.py:683
        raise  # cpython: tasks.py:684


def _wrap_awaitable(awaitable):  # cpython: tasks.py:687
    return (yield from awaitable.__await__())  # cpython: tasks.py:694


_wrap_awaitable = types.coroutine(_wrap_awaitable)


class _GatheringFuture(Future):
    __module__ = "asyncio.tasks"

    def __init__(self, children, *, loop):  # cpython: tasks.py:707
        super().__init__(loop=loop)  # cpython: tasks.py:709
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):  # cpython: tasks.py:713
        if self.done():  # cpython: tasks.py:714
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):  # cpython: tasks.py:718
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):  # cpython: tasks.py:728
    if not coros_or_futures:
        loop = _get_event_loop()
        outer = loop.create_future()  # cpython: tasks.py:760
        outer.set_result([])  # cpython: tasks.py:761
        return outer

    def _done_callback(fut):  # cpython: tasks.py:764
        nonlocal nfinished
        nfinished += 1

        if outer is None or outer.done():  # cpython: tasks.py:768
            if not fut.cancelled():  # cpython: tasks.py:769
                fut.exception()  # cpython: tasks.py:771
            return

        if not return_exceptions:
            if fut.cancelled():  # cpython: tasks.py:775
                exc = fut._make_cancelled_error()  # cpython: tasks.py:779
                outer.set_exception(exc)  # cpython: tasks.py:780
                return
            else:
                exc = fut.exception()  # cpython: tasks.py:783
                if exc is not None:
                    outer.set_exception(exc)  # cpython: tasks.py:785
                    return

        if nfinished == nfuts:
            # The loop below, natively, when every child has a result (tasks.rs).
            results = _gather_results(children)
            if results is None:
                results = []  # cpython: tasks.py:791
                for fut in children:
                    if fut.cancelled():  # cpython: tasks.py:794
                        res = CancelledError(
                            '' if fut._cancel_message is None else
                            fut._cancel_message)
                    else:
                        res = fut.exception()  # cpython: tasks.py:805
                        if res is None:
                            res = fut.result()  # cpython: tasks.py:807
                    results.append(res)  # cpython: tasks.py:808
            else:
                fut = children[-1]

            if outer._cancel_requested:
                exc = fut._make_cancelled_error()  # cpython: tasks.py:814
                outer.set_exception(exc)  # cpython: tasks.py:815
            else:
                outer.set_result(results)  # cpython: tasks.py:817

    arg_to_fut = {}
    children = []  # cpython: tasks.py:820
    nfuts = 0
    nfinished = 0
    loop = None
    outer = None
    # The loop below, natively, when every argument is a new coroutine (tasks.rs).
    loop = _gather_plain(coros_or_futures, children, _done_callback)
    if loop is not None:
        nfuts = len(children)
    else:
        for arg in coros_or_futures:
            if arg not in arg_to_fut:
                fut = _ensure_future(arg, loop=loop)  # cpython: tasks.py:827
                if loop is None:
                    loop = _get_loop(fut)
                if fut is not arg:
                    fut._log_destroy_pending = False
                nfuts += 1
                arg_to_fut[arg] = fut  # cpython: tasks.py:838
                fut.add_done_callback(_done_callback)  # cpython: tasks.py:839
            else:
                fut = arg_to_fut[arg]  # cpython: tasks.py:843
            children.append(fut)  # cpython: tasks.py:845

    outer = _GatheringFuture(children, loop=loop)  # cpython: tasks.py:847
    return outer


def shield(arg):  # cpython: tasks.py:851
    inner = _ensure_future(arg)  # cpython: tasks.py:884
    if inner.done():  # cpython: tasks.py:885
        return inner
    loop = _get_loop(inner)
    outer = loop.create_future()  # cpython: tasks.py:889

    def _inner_done_callback(inner):  # cpython: tasks.py:891
        if outer.cancelled():  # cpython: tasks.py:892
            if not inner.cancelled():  # cpython: tasks.py:893
                inner.exception()  # cpython: tasks.py:895
            return

        if inner.cancelled():  # cpython: tasks.py:898
            outer.cancel()  # cpython: tasks.py:899
        else:
            exc = inner.exception()  # cpython: tasks.py:901
            if exc is not None:
                outer.set_exception(exc)  # cpython: tasks.py:903
            else:
                outer.set_result(inner.result())  # cpython: tasks.py:905

    def _outer_done_callback(outer):  # cpython: tasks.py:908
        if not inner.done():  # cpython: tasks.py:909
            inner.remove_done_callback(_inner_done_callback)  # cpython: tasks.py:910

    inner.add_done_callback(_inner_done_callback)  # cpython: tasks.py:912
    outer.add_done_callback(_outer_done_callback)  # cpython: tasks.py:913
    return outer


def run_coroutine_threadsafe(coro, loop):  # cpython: tasks.py:917
    import _loopscope_asyncio_threads
    return _loopscope_asyncio_threads.run_coroutine_threadsafe(coro, loop)


def coroutine(func):
    # Removed in 3.11; loopscope runs generator-based coroutines as 3.10 did.
    _loopscope.note_coroutine_decorator()
    co = types.coroutine(func)
    co._is_coroutine = _is_coroutine
    return co


# ---------------------------------------------------------------- timeouts

class _State:
    __module__ = "asyncio.timeouts"

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return f"<_State.{self.name}: {self.value!r}>"


_State.CREATED = _State("CREATED", "created")
_State.ENTERED = _State("ENTERED", "active")
_State.EXPIRING = _State("EXPIRING", "expiring")
_State.EXPIRED = _State("EXPIRED", "expired")
_State.EXITED = _State("EXITED", "finished")


class Timeout:
    __module__ = "asyncio.timeouts"

    def __init__(self, when):  # cpython: timeouts.py:33
        self._state = _State.CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):  # cpython: timeouts.py:46
        return self._when

    def reschedule(self, when):  # cpython: timeouts.py:50
        if self._state is not _State.ENTERED:
            if self._state is _State.CREATED:
                raise RuntimeError("Timeout has not been entered")  # cpython: timeouts.py:54
            raise RuntimeError(  # cpython: timeouts.py:55
                f"Cannot change state of {self._state.value} Timeout",
            )
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()  # cpython: timeouts.py:62
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():  # cpython: timeouts.py:68
                self._timeout_handler = loop.call_soon(self._on_timeout)  # cpython: timeouts.py:69
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)  # cpython: timeouts.py:71

    def expired(self):  # cpython: timeouts.py:73
        return self._state in (_State.EXPIRING, _State.EXPIRED)  # cpython: timeouts.py:75

    def __repr__(self):  # cpython: timeouts.py:77
        info = ['']  # cpython: timeouts.py:78
        if self._state is _State.ENTERED:
            when = round(self._when, 3) if self._when is not None else None  # cpython: timeouts.py:80
            info.append(f"when={when}")  # cpython: timeouts.py:81
        info_str = ' '.join(info)  # cpython: timeouts.py:82
        return f"<Timeout [{self._state.value}]{info_str}>"  # cpython: timeouts.py:83

    async def __aenter__(self):  # cpython: timeouts.py:85
        if self._state is not _State.CREATED:
            raise RuntimeError("Timeout has already been entered")  # cpython: timeouts.py:87
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")  # cpython: timeouts.py:90
        self._state = _State.ENTERED
        self._task = task
        self._cancelling = self._task.cancelling()  # cpython: timeouts.py:93
        self.reschedule(self._when)  # cpython: timeouts.py:94
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):  # cpython: timeouts.py:97
        assert self._state in (_State.ENTERED, _State.EXPIRING)  # cpython: timeouts.py:103
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()  # cpython: timeouts.py:106
            self._timeout_handler = None
        if self._state is _State.EXPIRING:
            self._state = _State.EXPIRED
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_val  # cpython: timeouts.py:115
        elif self._state is _State.ENTERED:
            self._state = _State.EXITED
        return None

    def _on_timeout(self):  # cpython: timeouts.py:121
        assert self._state is _State.ENTERED
        self._task.cancel()  # cpython: timeouts.py:123
        self._state = _State.EXPIRING
        self._timeout_handler = None


def timeout(delay):  # cpython: timeouts.py:129
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)  # cpython: timeouts.py:146


def timeout_at(when):  # cpython: timeouts.py:149
    return Timeout(when)  # cpython: timeouts.py:168


# ---------------------------------------------------------------- taskgroups

def _exception_group(msg, excs):
    # BaseExceptionGroup(...) builds an ExceptionGroup when every member is an Exception.
    if all(isinstance(e, Exception) for e in excs):
        eg = ExceptionGroup(msg, excs)
    else:
        eg = BaseExceptionGroup(msg, excs)
    if not hasattr(eg, 'exceptions'):
        # The VM's except* reads the members from here.
        eg.exceptions = tuple(excs)
    return eg


class TaskGroup:
    __module__ = "asyncio.taskgroups"

    def __init__(self):  # cpython: taskgroups.py:28
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        # CPython keeps a set, iterated in memory-address order; loopscope iterates in
        # creation order (a dict), which is deterministic.
        self._tasks = {}
        self._errors = []  # cpython: taskgroups.py:36
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):  # cpython: taskgroups.py:40
        info = ['']  # cpython: taskgroups.py:41
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')  # cpython: taskgroups.py:43
        if self._errors:
            info.append(f'errors={len(self._errors)}')  # cpython: taskgroups.py:45
        if self._aborting:
            info.append('cancelling')  # cpython: taskgroups.py:47
        elif self._entered:
            info.append('entered')  # cpython: taskgroups.py:49
        info_str = ' '.join(info)  # cpython: taskgroups.py:51
        return f'<TaskGroup{info_str}>'

    async def __aenter__(self):  # cpython: taskgroups.py:54
        if self._entered:
            raise RuntimeError(  # cpython: taskgroups.py:56
                f"TaskGroup {self!r} has already been entered")
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(  # cpython: taskgroups.py:62
                f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):  # cpython: taskgroups.py:68
        self._exiting = True
        if (exc is not None and  # cpython: taskgroups.py:71
                self._is_base_error(exc) and
                self._base_error is None):
            self._base_error = exc
        propagate_cancellation_error = \
            exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:  # cpython: taskgroups.py:80
                propagate_cancellation_error = None
        if et is not None:
            if not self._aborting:
                self._abort()  # cpython: taskgroups.py:99
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()  # cpython: taskgroups.py:107
            try:
                await self._on_completed_fut  # cpython: taskgroups.py:110
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()  # cpython: taskgroups.py:122
            self._on_completed_fut = None
        assert not self._tasks
        if self._base_error is not None:
            raise self._base_error  # cpython: taskgroups.py:129
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error  # cpython: taskgroups.py:134
        if et is not None and et is not CancelledError:
            self._errors.append(exc)  # cpython: taskgroups.py:137
        if self._errors:
            try:
                me = _exception_group('unhandled errors in a TaskGroup', self._errors)
                raise me from None  # cpython: taskgroups.py:145
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):  # cpython: taskgroups.py:149
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")  # cpython: taskgroups.py:155
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")  # cpython: taskgroups.py:157
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")  # cpython: taskgroups.py:159
        if context is None:
            task = self._loop.create_task(coro)  # cpython: taskgroups.py:161
        else:
            task = self._loop.create_task(coro, context=context)  # cpython: taskgroups.py:163
        _set_task_name(task, name)
        task.add_done_callback(self._on_task_done)  # cpython: taskgroups.py:165
        self._tasks[task] = None
        return task

    def _is_base_error(self, exc):  # cpython: taskgroups.py:173
        assert isinstance(exc, BaseException)  # cpython: taskgroups.py:174
        return isinstance(exc, (SystemExit, KeyboardInterrupt))  # cpython: taskgroups.py:175

    def _abort(self):  # cpython: taskgroups.py:177
        self._aborting = True
        for t in self._tasks:
            if not t.done():  # cpython: taskgroups.py:181
                t.cancel()  # cpython: taskgroups.py:182

    def _on_task_done(self, task):  # cpython: taskgroups.py:184
        self._tasks.pop(task, None)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():  # cpython: taskgroups.py:188
                self._on_completed_fut.set_result(True)  # cpython: taskgroups.py:189
        if task.cancelled():  # cpython: taskgroups.py:191
            return
        exc = task.exception()  # cpython: taskgroups.py:194
        if exc is None:
            return
        self._errors.append(exc)  # cpython: taskgroups.py:198
        if self._is_base_error(exc) and self._base_error is None:  # cpython: taskgroups.py:199
            self._base_error = exc
        if self._parent_task.done():  # cpython: taskgroups.py:202
            self._loop.call_exception_handler({  # cpython: taskgroups.py:205
                'message': f'Task {task!r} has errored out but its parent '
                           f'task {self._parent_task} is already completed',
                'exception': exc,
                'task': task,
            })
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()  # cpython: taskgroups.py:232
            self._parent_cancel_requested = True
            self._parent_task.cancel()  # cpython: taskgroups.py:234


# ---------------------------------------------------------------- locks

class _LoopBoundMixin:
    __module__ = "asyncio.mixins"
    _loop = None

    def _get_loop(self):  # cpython: mixins.py:12
        loop = _get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')  # cpython: mixins.py:20
        return loop


def _object_repr(obj):
    return f'<{type(obj).__module__}.{type(obj).__qualname__} object at {hex(id(obj))}>'


class _ContextManagerMixin:
    __module__ = "asyncio.locks"

    async def __aenter__(self):  # cpython: locks.py:14
        await self.acquire()  # cpython: locks.py:15
        return None

    async def __aexit__(self, exc_type, exc, tb):  # cpython: locks.py:20
        self.release()  # cpython: locks.py:21


class Lock(_ContextManagerMixin, _LoopBoundMixin):
    __module__ = "asyncio.locks"

    def __init__(self):  # cpython: locks.py:78
        self._waiters = None
        self._locked = False
        if _TRACE:
            _trace_primitives.append(self)
            _trace_prim(self)

    def __repr__(self):  # cpython: locks.py:82
        res = _object_repr(self)
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'  # cpython: locks.py:86
        return f'<{res[1:-1]} [{extra}]>'  # cpython: locks.py:87

    def locked(self):  # cpython: locks.py:89
        return self._locked

    async def acquire(self):  # cpython: locks.py:93
        if (not self._locked and (self._waiters is None or  # cpython: locks.py:99
                all(w.cancelled() for w in self._waiters))):
            self._locked = True
            if _TRACE:
                self._ls_owner = current_task()
                _trace_prim(self)
            return True
        if self._waiters is None:
            self._waiters = _deque()
        fut = self._get_loop().create_future()  # cpython: locks.py:106
        fut._loopscope_owner = "a Lock"
        if _TRACE:
            _tr("waiter_added", self, "Lock", fut)
        self._waiters.append(fut)  # cpython: locks.py:107
        try:
            try:
                await fut  # cpython: locks.py:114
            finally:
                self._waiters.remove(fut)  # cpython: locks.py:116
        except CancelledError:
            if not self._locked:
                self._wake_up_first()  # cpython: locks.py:119
            if _TRACE:
                _trace_prim(self)
            raise  # cpython: locks.py:120
        self._locked = True
        if _TRACE:
            self._ls_owner = current_task()
            _trace_prim(self)
        return True

    def release(self):  # cpython: locks.py:125
        if self._locked:
            self._locked = False
            self._wake_up_first()  # cpython: locks.py:138
            if _TRACE:
                _trace_prim(self)
        else:
            raise RuntimeError('Lock is not acquired.')  # cpython: locks.py:140

    def _wake_up_first(self):  # cpython: locks.py:142
        if not self._waiters:
            return
        try:
            fut = next(iter(self._waiters))  # cpython: locks.py:147
        except StopIteration:
            return
        if not fut.done():  # cpython: locks.py:154
            fut.set_result(True)  # cpython: locks.py:155


class Event(_LoopBoundMixin):
    __module__ = "asyncio.locks"

    def __init__(self):  # cpython: locks.py:167
        self._waiters = _deque()
        self._value = False
        if _TRACE:
            _trace_primitives.append(self)
            _trace_prim(self)

    def __repr__(self):  # cpython: locks.py:171
        res = _object_repr(self)
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'  # cpython: locks.py:175
        return f'<{res[1:-1]} [{extra}]>'  # cpython: locks.py:176

    def is_set(self):  # cpython: locks.py:178
        return self._value

    def set(self):  # cpython: locks.py:182
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():  # cpython: locks.py:191
                    fut.set_result(True)  # cpython: locks.py:192
            if _TRACE:
                _trace_prim(self)

    def clear(self):  # cpython: locks.py:194
        self._value = False
        if _TRACE:
            _trace_prim(self)

    async def wait(self):  # cpython: locks.py:200
        if self._value:
            return True
        fut = self._get_loop().create_future()  # cpython: locks.py:210
        fut._loopscope_owner = "an Event"
        if _TRACE:
            _tr("waiter_added", self, "Event", fut)
        self._waiters.append(fut)  # cpython: locks.py:211
        try:
            await fut  # cpython: locks.py:213
            return True
        finally:
            self._waiters.remove(fut)  # cpython: locks.py:216
            if _TRACE:
                _trace_prim(self)


class Condition(_ContextManagerMixin, _LoopBoundMixin):
    __module__ = "asyncio.locks"

    def __init__(self, lock=None):  # cpython: locks.py:229
        if lock is None:
            lock = Lock()  # cpython: locks.py:231
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _deque()
        if _TRACE:
            _trace_primitives.append(self)
            _trace_prim(self)

    def __repr__(self):  # cpython: locks.py:241
        res = _object_repr(self)
        extra = 'locked' if self.locked() else 'unlocked'  # cpython: locks.py:243
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'  # cpython: locks.py:245
        return f'<{res[1:-1]} [{extra}]>'  # cpython: locks.py:246

    async def wait(self):  # cpython: locks.py:248
        if not self.locked():  # cpython: locks.py:259
            raise RuntimeError('cannot wait on un-acquired lock')  # cpython: locks.py:260
        self.release()  # cpython: locks.py:262
        try:
            fut = self._get_loop().create_future()  # cpython: locks.py:264
            fut._loopscope_owner = "a Condition"
            if _TRACE:
                _tr("waiter_added", self, "Condition", fut)
            self._waiters.append(fut)  # cpython: locks.py:265
            try:
                await fut  # cpython: locks.py:267
                return True
            finally:
                self._waiters.remove(fut)  # cpython: locks.py:270
                if _TRACE:
                    _trace_prim(self)
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()  # cpython: locks.py:277
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError  # cpython: locks.py:283 raise exceptions.CancelledError

    async def wait_for(self, predicate):  # cpython: locks.py:285
        result = predicate()  # cpython: locks.py:292
        while not result:
            await self.wait()  # cpython: locks.py:294
            result = predicate()  # cpython: locks.py:295
        return result

    def notify(self, n=1):  # cpython: locks.py:298
        if not self.locked():  # cpython: locks.py:310
            raise RuntimeError('cannot notify on un-acquired lock')  # cpython: locks.py:311
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():  # cpython: locks.py:318
                idx += 1
                fut.set_result(False)  # cpython: locks.py:320
        if _TRACE:
            _trace_prim(self)

    def notify_all(self):  # cpython: locks.py:322
        self.notify(len(self._waiters))  # cpython: locks.py:328


class Semaphore(_ContextManagerMixin, _LoopBoundMixin):
    __module__ = "asyncio.locks"

    def __init__(self, value=1):  # cpython: locks.py:346
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")  # cpython: locks.py:348
        self._waiters = None
        self._value = value
        if _TRACE:
            _trace_primitives.append(self)
            _trace_prim(self)

    def __repr__(self):  # cpython: locks.py:352
        res = _object_repr(self)
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'  # cpython: locks.py:354
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'  # cpython: locks.py:356
        return f'<{res[1:-1]} [{extra}]>'  # cpython: locks.py:357

    def locked(self):  # cpython: locks.py:359
        return self._value == 0 or (  # cpython: locks.py:361
            any(not w.cancelled() for w in (self._waiters or ())))

    async def acquire(self):  # cpython: locks.py:364
        if not self.locked():  # cpython: locks.py:373
            self._value -= 1
            if _TRACE:
                _trace_prim(self)
            return True
        if self._waiters is None:
            self._waiters = _deque()
        fut = self._get_loop().create_future()  # cpython: locks.py:379
        fut._loopscope_owner = "a Semaphore"
        if _TRACE:
            _tr("waiter_added", self, "Semaphore", fut)
        self._waiters.append(fut)  # cpython: locks.py:380
        try:
            try:
                await fut  # cpython: locks.py:387
            finally:
                self._waiters.remove(fut)  # cpython: locks.py:389
        except CancelledError:
            if not fut.cancelled():  # cpython: locks.py:391
                self._value += 1
                self._wake_up_next()  # cpython: locks.py:393
            raise  # cpython: locks.py:394
        if self._value > 0:
            self._wake_up_next()  # cpython: locks.py:397
        if _TRACE:
            _trace_prim(self)
        return True

    def release(self):  # cpython: locks.py:400
        self._value += 1
        self._wake_up_next()  # cpython: locks.py:407
        if _TRACE:
            _trace_prim(self)

    def _wake_up_next(self):  # cpython: locks.py:409
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():  # cpython: locks.py:415
                self._value -= 1
                fut.set_result(True)  # cpython: locks.py:417
                return


class BoundedSemaphore(Semaphore):
    __module__ = "asyncio.locks"

    def __init__(self, value=1):  # cpython: locks.py:428
        self._bound_value = value
        super().__init__(value)  # cpython: locks.py:430

    def release(self):  # cpython: locks.py:432
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')  # cpython: locks.py:434
        super().release()  # cpython: locks.py:435


class _BarrierState:
    __module__ = "asyncio.locks"

    def __init__(self, name, value):
        self.name = name
        self.value = value

    def __repr__(self):
        return f"<_BarrierState.{self.name}: {self.value!r}>"


_BarrierState.FILLING = _BarrierState("FILLING", "filling")
_BarrierState.DRAINING = _BarrierState("DRAINING", "draining")
_BarrierState.RESETTING = _BarrierState("RESETTING", "resetting")
_BarrierState.BROKEN = _BarrierState("BROKEN", "broken")


class Barrier(_LoopBoundMixin):
    __module__ = "asyncio.locks"

    def __init__(self, parties):  # cpython: locks.py:455
        if parties < 1:
            raise ValueError('parties must be > 0')  # cpython: locks.py:458
        self._cond = Condition()  # cpython: locks.py:460
        self._parties = parties
        self._state = _BarrierState.FILLING
        self._count = 0
        if _TRACE:
            _trace_primitives.append(self)
            _trace_prim(self)

    def __repr__(self):  # cpython: locks.py:466
        res = _object_repr(self)
        extra = f'{self._state.value}'
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<{res[1:-1]} [{extra}]>'  # cpython: locks.py:471

    async def __aenter__(self):  # cpython: locks.py:473
        return await self.wait()  # cpython: locks.py:476

    async def __aexit__(self, *args):  # cpython: locks.py:478
        pass

    async def wait(self):  # cpython: locks.py:481
        async with self._cond:
            await self._block()  # cpython: locks.py:489 await self._block() # Block while the barrier drains or resets.
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()  # cpython: locks.py:495
                else:
                    await self._wait()  # cpython: locks.py:497
                return index
            finally:
                self._count -= 1
                self._exit()  # cpython: locks.py:502

    async def _block(self):  # cpython: locks.py:504
        await self._cond.wait_for(  # cpython: locks.py:510
            lambda: self._state not in (
                _BarrierState.DRAINING, _BarrierState.RESETTING
            )
        )
        if self._state is _BarrierState.BROKEN:
            raise BrokenBarrierError("Barrier aborted")  # cpython: locks.py:518 raise exceptions.BrokenBarrierError("Barrier aborted")

    async def _release(self):  # cpython: locks.py:520
        self._state = _BarrierState.DRAINING
        self._cond.notify_all()  # cpython: locks.py:526

    async def _wait(self):  # cpython: locks.py:528
        await self._cond.wait_for(lambda: self._state is not _BarrierState.FILLING)  # cpython: locks.py:534
        if self._state in (_BarrierState.BROKEN, _BarrierState.RESETTING):  # cpython: locks.py:536
            raise BrokenBarrierError("Abort or reset of barrier")  # cpython: locks.py:537 raise exceptions.BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):  # cpython: locks.py:539
        if self._count == 0:
            if self._state in (_BarrierState.RESETTING, _BarrierState.DRAINING):  # cpython: locks.py:543
                self._state = _BarrierState.FILLING
            self._cond.notify_all()  # cpython: locks.py:545

    async def reset(self):  # cpython: locks.py:547
        async with self._cond:
            if self._count > 0:
                if self._state is not _BarrierState.RESETTING:
                    self._state = _BarrierState.RESETTING
            else:
                self._state = _BarrierState.FILLING
            self._cond.notify_all()  # cpython: locks.py:560

    async def abort(self):  # cpython: locks.py:562
        async with self._cond:
            self._state = _BarrierState.BROKEN
            self._cond.notify_all()  # cpython: locks.py:570

    @property  # cpython: locks.py:572
    def parties(self):
        return self._parties

    @property  # cpython: locks.py:577
    def n_waiting(self):
        if self._state is _BarrierState.FILLING:
            return self._count
        return 0

    @property  # cpython: locks.py:584
    def broken(self):
        return self._state is _BarrierState.BROKEN


# ---------------------------------------------------------------- queues

class Queue(_LoopBoundMixin):
    __module__ = "asyncio.queues"

    def __init__(self, maxsize=0):  # cpython: queues.py:33
        self._maxsize = maxsize
        self._getters = _deque()
        self._putters = _deque()
        self._unfinished_tasks = 0
        if _TRACE:
            # Its `_finished` Event is the queue's own business: no card for it.
            _trace_quiet[0] = True
        self._finished = Event()
        self._finished.set()  # cpython: queues.py:42
        self._init(maxsize)  # cpython: queues.py:43
        if _TRACE:
            _trace_quiet[0] = False
            self._finished._ls_hidden = True
            _trace_primitives.remove(self._finished)
            _trace_primitives.append(self)
            _trace_prim(self)

    def _init(self, maxsize):  # cpython: queues.py:47
        self._queue = _deque()

    def _get(self):  # cpython: queues.py:50
        return self._queue.popleft()  # cpython: queues.py:51

    def _put(self, item):  # cpython: queues.py:53
        self._queue.append(item)  # cpython: queues.py:54

    def __repr__(self):  # cpython: queues.py:66
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'  # cpython: queues.py:67

    def __str__(self):  # cpython: queues.py:69
        return f'<{type(self).__name__} {self._format()}>'  # cpython: queues.py:70

    def _format(self):  # cpython: queues.py:74
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):  # cpython: queues.py:76
            result += f' _queue={list(self._queue)!r}'  # cpython: queues.py:77
        if self._getters:
            result += f' _getters[{len(self._getters)}]'  # cpython: queues.py:79
        if self._putters:
            result += f' _putters[{len(self._putters)}]'  # cpython: queues.py:81
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    @property  # cpython: queues.py:90
    def maxsize(self):
        return self._maxsize

    async def put(self, item):  # cpython: queues.py:110
        if _queue_put_now(self, item): return None  # put now if it can (queues.rs)
        while self.full():  # cpython: queues.py:116
            putter = self._get_loop().create_future()  # cpython: queues.py:117
            putter._loopscope_owner = "a Queue (put)"
            if _TRACE: _tr("waiter_added", self, "Queue.put", putter)
            self._putters.append(putter)  # cpython: queues.py:118
            try:
                await putter  # cpython: queues.py:120
            except:
                putter.cancel()  # cpython: queues.py:122
                try:
                    self._putters.remove(putter)  # cpython: queues.py:125
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():  # cpython: queues.py:130
                    self._wakeup_next(self._putters)  # cpython: queues.py:133
                if _TRACE:
                    _trace_prim(self)
                raise  # cpython: queues.py:134
        return self.put_nowait(item)  # cpython: queues.py:135

    async def get(self):  # cpython: queues.py:149
        if (item := _queue_get_now(self, _queue_get_now)) is not _queue_get_now: return item
        while self.empty():  # cpython: queues.py:154
            getter = self._get_loop().create_future()  # cpython: queues.py:155
            getter._loopscope_owner = "a Queue (get)"
            if _TRACE: _tr("waiter_added", self, "Queue.get", getter)
            self._getters.append(getter)  # cpython: queues.py:156
            try:
                await getter  # cpython: queues.py:158
            except:
                getter.cancel()  # cpython: queues.py:160
                try:
                    self._getters.remove(getter)  # cpython: queues.py:163
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():  # cpython: queues.py:168
                    self._wakeup_next(self._getters)  # cpython: queues.py:171
                if _TRACE:
                    _trace_prim(self)
                raise  # cpython: queues.py:172
        return self.get_nowait()  # cpython: queues.py:173

    async def join(self):  # cpython: queues.py:206
        if self._unfinished_tasks > 0:
            await self._finished.wait()  # cpython: queues.py:215


class PriorityQueue(Queue):
    __module__ = "asyncio.queues"

    def _init(self, maxsize):  # cpython: queues.py:224
        self._queue = []  # cpython: queues.py:225

    def _put(self, item):  # cpython: queues.py:227
        heapq.heappush(self._queue, item)

    def _get(self):  # cpython: queues.py:230
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    __module__ = "asyncio.queues"

    def _init(self, maxsize):  # cpython: queues.py:237
        self._queue = []  # cpython: queues.py:238

    def _put(self, item):  # cpython: queues.py:240
        self._queue.append(item)  # cpython: queues.py:241

    def _get(self):  # cpython: queues.py:243
        return self._queue.pop()  # cpython: queues.py:244


# ---------------------------------------------------------------- runners

def _cancel_all_tasks(loop):  # cpython: runners.py:193
    # all_tasks() is a set; cancel in creation order so runs are reproducible.
    to_cancel = [t for t in _all_tasks_alive() if _get_loop(t) is loop and not t.done()]
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()  # cpython: runners.py:199
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():  # cpython: runners.py:204
            continue
        if task.exception() is not None:  # cpython: runners.py:206
            loop.call_exception_handler({  # cpython: runners.py:207
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })


class _RunnerState:
    CREATED = "created"
    INITIALIZED = "initialized"
    CLOSED = "closed"


class Runner:
    __module__ = "asyncio.runners"

    def __init__(self, *, debug=None, loop_factory=None):  # cpython: runners.py:49
        self._state = _RunnerState.CREATED
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None
        self._context = None
        self._interrupt_count = 0
        self._set_event_loop = False

    def __enter__(self):  # cpython: runners.py:58
        self._lazy_init()  # cpython: runners.py:59
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):  # cpython: runners.py:62
        self.close()  # cpython: runners.py:63

    def close(self):  # cpython: runners.py:65
        if self._state is not _RunnerState.INITIALIZED:
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)  # cpython: runners.py:71
            loop.run_until_complete(loop.shutdown_asyncgens())  # cpython: runners.py:72
            loop.run_until_complete(loop.shutdown_default_executor())  # cpython: runners.py:73
        finally:
            if self._set_event_loop:
                set_event_loop(None)
            loop.close()  # cpython: runners.py:77
            self._loop = None
            self._state = _RunnerState.CLOSED

    def get_loop(self):  # cpython: runners.py:81
        self._lazy_init()  # cpython: runners.py:83
        return self._loop

    def run(self, coro, *, context=None):  # cpython: runners.py:86
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))  # cpython: runners.py:89
        if _get_running_loop() is not None:
            raise RuntimeError(  # cpython: runners.py:93
                "Runner.run() cannot be called from a running event loop")
        self._lazy_init()  # cpython: runners.py:96
        task = self._loop.create_task(coro, context=context)  # cpython: runners.py:100
        self._interrupt_count = 0
        return self._loop.run_until_complete(task)  # cpython: runners.py:118

    def _lazy_init(self):  # cpython: runners.py:131
        if self._state is _RunnerState.CLOSED:
            raise RuntimeError("Runner is closed")  # cpython: runners.py:133
        if self._state is _RunnerState.INITIALIZED:
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            if not self._set_event_loop:
                set_event_loop(self._loop)
                self._set_event_loop = True
        else:
            self._loop = self._loop_factory()  # cpython: runners.py:144
        if self._debug is not None:
            self._loop.set_debug(self._debug)  # cpython: runners.py:146
        self._state = _RunnerState.INITIALIZED


def run(main, *, debug=None):  # cpython: runners.py:160
    if _get_running_loop() is not None:
        raise RuntimeError(  # cpython: runners.py:186
            "asyncio.run() cannot be called from a running event loop")
    with Runner(debug=debug) as runner:  # cpython: runners.py:189
        return runner.run(main)  # cpython: runners.py:190


# The hot paths are Rust (CPython runs Future and Task in C), installed into the classes
# here: Future's __init__, done, cancelled, result, exception, get_loop, add_done_callback,
# set_result, _schedule_callbacks, __await__, BaseEventLoop.create_future,
# _set_result_unless_cancelled and sleep's body (futures.rs);
# Task.__step and task_wakeup (tasks.rs); Handle._run, cancel and cancelled,
# TimerHandle.cancel, get_running_loop (events.rs); BaseEventLoop.call_soon, _call_soon, and,
# for VirtualLoop without debug or tracing, call_later and _run_once (base_events.rs; the
# Python versions above run otherwise); Queue's qsize, full, empty, put_nowait, get_nowait,
# task_done and _wakeup_next (queues.rs).
_loopscope.aio_bind(globals())
