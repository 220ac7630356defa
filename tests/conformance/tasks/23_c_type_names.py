# Error messages name CPython's C types by their tp_name ('_asyncio.Task', 'collections.deque',
# 'datetime.date'), Python classes and subclasses by their plain name.
import asyncio, collections, itertools, functools, operator, datetime, time

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(asyncio.sleep(0))
    f = loop.create_future()
    cases = [
        lambda: t.foo, lambda: len(t), lambda: t[0], lambda: t(), lambda: t + 1, lambda: f < f,
        lambda: asyncio.Task.nope, lambda: asyncio.Future.nope,
        lambda: collections.deque().foo, lambda: collections.OrderedDict() + 1,
        lambda: collections.defaultdict(int) - 1, lambda: collections.Counter() @ 1,
        lambda: itertools.count()[0], lambda: functools.partial(print)[0],
        lambda: operator.itemgetter(1) + 1, lambda: datetime.date(2020, 1, 1) + 1,
        lambda: datetime.timedelta(1) * "x", lambda: time.gmtime(0) - 1,
        lambda: datetime.datetime(2020, 1, 1) < 3, lambda: datetime.date(0, 1, 1),
    ]
    for case in cases:
        try:
            case()
        except Exception as e:
            print(type(e).__name__, e)
    for aw in (collections.deque(), itertools.count()):
        try:
            await aw
        except TypeError as e:
            print("TypeError", e)
    class MyTask(asyncio.Task):
        pass
    try:
        MyTask(asyncio.sleep(0)).foo
    except AttributeError as e:
        print("AttributeError", e)
    await t
    f.cancel()

asyncio.run(main())
