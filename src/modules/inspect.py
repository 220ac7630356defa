# inspect: the introspection course scripts use (generator/coroutine states and the is*
# predicates), written as CPython 3.11's Lib/inspect.py writes them.

CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'

CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'

_generator = type((lambda: (yield))())


async def _c():
    pass


_cv = _c()
_coroutine = type(_cv)
_cv.close()
del _cv


async def _ag():
    yield


_async_generator = type(_ag())
del _c, _ag


def ismodule(object):
    return type(object).__name__ == 'module'


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return type(object).__name__ == 'method'


def isfunction(object):
    return type(object).__name__ == 'function'


def isbuiltin(object):
    return type(object).__name__ == 'builtin_function_or_method'


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, _generator)


def iscoroutine(object):
    return isinstance(object, _coroutine)


def isasyncgen(object):
    return isinstance(object, _async_generator)


def isawaitable(object):
    return (isinstance(object, _coroutine) or
            isinstance(object, _generator) and
                bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE) or
            hasattr(type(object), '__await__'))


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getcoroutinestate(coroutine):
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def currentframe():
    import sys
    return sys._getframe(1)


def isframe(object):
    return type(object).__name__ == 'frame'


def getgeneratorlocals(generator):
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = getattr(generator, "gi_frame", None)
    if frame is not None:
        return generator.gi_frame.f_locals
    else:
        return {}


def getcoroutinelocals(coroutine):
    frame = getattr(coroutine, "cr_frame", None)
    if frame is not None:
        return frame.f_locals
    else:
        return {}
