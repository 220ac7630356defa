# asyncio's thread parts, as CPython 3.11's Lib/asyncio/{base_events,futures,tasks,threads}.py
# have them (run_in_executor, wrap_future, _chain_future, to_thread,
# run_coroutine_threadsafe, shutdown_default_executor). Loaded on first use, so scripts
# without threads never import concurrent.futures (which turns on the thread model).
import asyncio as _aio
import concurrent.futures
import functools
import threading


def _convert_future_exc(exc):
    exc_class = type(exc)
    if exc_class is concurrent.futures.CancelledError:
        return _aio.CancelledError(*exc.args)
    elif exc_class is concurrent.futures.TimeoutError:
        return _aio.TimeoutError(*exc.args)
    elif exc_class is concurrent.futures.InvalidStateError:
        return _aio.InvalidStateError(*exc.args)
    else:
        return exc


def _set_concurrent_future_state(concurrent, source):
    assert source.done()
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(_convert_future_exc(exception))
    else:
        result = source.result()  # cpython: futures.py:341
        concurrent.set_result(result)


def _copy_future_state(source, dest):
    assert source.done()
    if dest.cancelled():
        return
    assert not dest.done()
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(_convert_future_exc(exception))
        else:
            result = source.result()  # cpython: futures.py:361
            dest.set_result(result)


def _chain_future(source, destination):
    isfuture = _aio.isfuture
    if not isfuture(source) and not isinstance(source,
                                               concurrent.futures.Future):
        raise TypeError('A future is required for source argument')  # cpython: futures.py:374
    if not isfuture(destination) and not isinstance(destination,
                                                    concurrent.futures.Future):
        raise TypeError('A future is required for destination argument')  # cpython: futures.py:377
    source_loop = _aio._get_loop(source) if isfuture(source) else None
    dest_loop = _aio._get_loop(destination) if isfuture(destination) else None

    def _set_state(future, other):
        if isfuture(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if (destination.cancelled() and
                dest_loop is not None and dest_loop.is_closed()):
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            if dest_loop.is_closed():
                return
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    if _aio.isfuture(future):
        return future
    assert isinstance(future, concurrent.futures.Future), \
        f'concurrent.futures.Future is expected, got {future!r}'
    if loop is None:
        loop = _aio._get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future


def run_in_executor(self, executor, func, *args):
    if self._debug:
        self._check_callback(func, 'run_in_executor')
    if executor is None:
        executor = self._default_executor
        # Only check when the default executor is being used
        self._check_default_executor()
        if executor is None:
            executor = concurrent.futures.ThreadPoolExecutor(
                thread_name_prefix='asyncio'
            )
            self._default_executor = executor
    return wrap_future(executor.submit(func, *args), loop=self)


async def to_thread(func, /, *args, **kwargs):  # cpython: threads.py:12
    # CPython runs func in a copy of the caller's contextvars context (loopscope has none).
    loop = _aio.get_running_loop()
    func_call = functools.partial(func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)  # cpython: threads.py:25


def run_coroutine_threadsafe(coro, loop):
    if not _aio.iscoroutine(coro):
        raise TypeError('A coroutine object is required')  # cpython: tasks.py:923
    future = concurrent.futures.Future()

    def callback():
        try:
            _chain_future(_aio.ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: tasks.py:930
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise  # cpython: tasks.py:934

    loop.call_soon_threadsafe(callback)
    return future


def _do_shutdown(self, future):
    try:
        self._default_executor.shutdown(wait=True)
        if not self.is_closed():
            self.call_soon_threadsafe(future.set_result, None)
    except Exception as ex:
        if not self.is_closed():
            self.call_soon_threadsafe(future.set_exception, ex)


async def shutdown_default_executor(self):
    future = self.create_future()
    thread = threading.Thread(target=_do_shutdown, args=(self, future))
    thread.start()
    try:
        await future
    finally:
        thread.join()
