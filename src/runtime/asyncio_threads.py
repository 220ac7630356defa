# asyncio's thread parts, as CPython 3.11's Lib/asyncio/{base_events,futures,tasks,threads}.py
# have them (run_in_executor, wrap_future, _chain_future, to_thread,
# run_coroutine_threadsafe, shutdown_default_executor). Loaded on first use, so scripts
# without threads never import concurrent.futures (which turns on the thread model).
import asyncio as _aio
import concurrent.futures
import functools
import threading


def _convert_future_exc(exc):  # cpython: futures.py:318
    exc_class = type(exc)  # cpython: futures.py:319
    if exc_class is concurrent.futures.CancelledError:  # cpython: futures.py:320
        return _aio.CancelledError(*exc.args)
    elif exc_class is concurrent.futures.TimeoutError:  # cpython: futures.py:322
        return _aio.TimeoutError(*exc.args)
    elif exc_class is concurrent.futures.InvalidStateError:  # cpython: futures.py:324
        return _aio.InvalidStateError(*exc.args)
    else:
        return exc  # cpython: futures.py:327


def _set_concurrent_future_state(concurrent, source):  # cpython: futures.py:330
    assert source.done()  # cpython: futures.py:332
    if source.cancelled():  # cpython: futures.py:333
        concurrent.cancel()  # cpython: futures.py:334
    if not concurrent.set_running_or_notify_cancel():  # cpython: futures.py:335
        return  # cpython: futures.py:336
    exception = source.exception()
    if exception is not None:  # cpython: futures.py:338
        concurrent.set_exception(_convert_future_exc(exception))  # cpython: futures.py:339
    else:
        result = source.result()  # cpython: futures.py:341
        concurrent.set_result(result)  # cpython: futures.py:342


def _copy_future_state(source, dest):  # cpython: futures.py:345
    assert source.done()  # cpython: futures.py:350
    if dest.cancelled():  # cpython: futures.py:351
        return  # cpython: futures.py:352
    assert not dest.done()  # cpython: futures.py:353
    if source.cancelled():  # cpython: futures.py:354
        dest.cancel()  # cpython: futures.py:355
    else:
        exception = source.exception()
        if exception is not None:  # cpython: futures.py:358
            dest.set_exception(_convert_future_exc(exception))  # cpython: futures.py:359
        else:
            result = source.result()  # cpython: futures.py:361
            dest.set_result(result)  # cpython: futures.py:362


def _chain_future(source, destination):  # cpython: futures.py:365
    isfuture = _aio.isfuture
    if not isfuture(source) and not isinstance(source,  # cpython: futures.py:372
                                               concurrent.futures.Future):
        raise TypeError('A future is required for source argument')  # cpython: futures.py:374
    if not isfuture(destination) and not isinstance(destination,  # cpython: futures.py:375
                                                    concurrent.futures.Future):
        raise TypeError('A future is required for destination argument')  # cpython: futures.py:377
    source_loop = _aio._get_loop(source) if isfuture(source) else None
    dest_loop = _aio._get_loop(destination) if isfuture(destination) else None

    def _set_state(future, other):  # cpython: futures.py:381
        if isfuture(future):  # cpython: futures.py:382
            _copy_future_state(other, future)  # cpython: futures.py:383
        else:
            _set_concurrent_future_state(future, other)  # cpython: futures.py:385

    def _call_check_cancel(destination):  # cpython: futures.py:387
        if destination.cancelled():  # cpython: futures.py:388
            if source_loop is None or source_loop is dest_loop:  # cpython: futures.py:389
                source.cancel()  # cpython: futures.py:390
            else:
                source_loop.call_soon_threadsafe(source.cancel)  # cpython: futures.py:392

    def _call_set_state(source):  # cpython: futures.py:394
        if (destination.cancelled() and  # cpython: futures.py:395
                dest_loop is not None and dest_loop.is_closed()):
            return  # cpython: futures.py:397
        if dest_loop is None or dest_loop is source_loop:  # cpython: futures.py:398
            _set_state(destination, source)  # cpython: futures.py:399
        else:
            if dest_loop.is_closed():  # cpython: futures.py:401
                return  # cpython: futures.py:402
            dest_loop.call_soon_threadsafe(_set_state, destination, source)  # cpython: futures.py:403

    destination.add_done_callback(_call_check_cancel)  # cpython: futures.py:405
    source.add_done_callback(_call_set_state)  # cpython: futures.py:406


def wrap_future(future, *, loop=None):  # cpython: futures.py:409
    if _aio.isfuture(future):
        return future  # cpython: futures.py:412
    assert isinstance(future, concurrent.futures.Future), \
        f'concurrent.futures.Future is expected, got {future!r}'
    if loop is None:  # cpython: futures.py:415
        loop = _aio._get_event_loop()
    new_future = loop.create_future()  # cpython: futures.py:417
    _chain_future(future, new_future)  # cpython: futures.py:418
    return new_future  # cpython: futures.py:419


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


def run_coroutine_threadsafe(coro, loop):  # cpython: tasks.py:917
    if not _aio.iscoroutine(coro):
        raise TypeError('A coroutine object is required')  # cpython: tasks.py:923
    future = concurrent.futures.Future()  # cpython: tasks.py:924

    def callback():  # cpython: tasks.py:926
        try:
            _chain_future(_aio.ensure_future(coro, loop=loop), future)
        except (SystemExit, KeyboardInterrupt):
            raise  # cpython: tasks.py:930
        except BaseException as exc:
            if future.set_running_or_notify_cancel():  # cpython: tasks.py:932
                future.set_exception(exc)  # cpython: tasks.py:933
            raise  # cpython: tasks.py:934

    loop.call_soon_threadsafe(callback)  # cpython: tasks.py:936
    return future  # cpython: tasks.py:937


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
