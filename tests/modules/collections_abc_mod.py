# collections.abc (CPython's own _collections_abc.py on loopscope's ABCMeta): the iterator
# chapter's isinstance checks, coroutine and generator ABCs, structural checks through
# __subclasshook__, register(), mixin methods of Mapping/Sequence/Set, abstract instantiation.
import collections
import collections.abc
from collections.abc import (AsyncIterable, AsyncIterator, Awaitable, Callable, Coroutine,
                             Generator, Hashable, Iterable, Iterator, KeysView, Mapping,
                             MutableMapping, MutableSequence, Sequence, Set, Sized)


def g():
    yield 1


async def c():
    pass


co = c()
print(isinstance([], Iterable), isinstance([], Iterator), isinstance(iter([]), Iterator))
print(isinstance(g(), Generator), isinstance(co, Coroutine), isinstance(co, Awaitable))
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance((), Sequence),
      isinstance("", Sequence), isinstance(set(), Set), isinstance(5, Hashable),
      isinstance([], Hashable))
print(issubclass(list, MutableSequence), isinstance(len, Callable), isinstance({}.keys(), KeysView))
print(isinstance(range(3), Sequence), isinstance(b"", Sequence), isinstance(frozenset(), Set))


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


print(isinstance(It(), Iterator), isinstance(It(), Iterable), isinstance(It(), Sized))


class AIt:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


print(isinstance(AIt(), AsyncIterator), isinstance(AIt(), AsyncIterable))


class MyMap(Mapping):
    def __init__(self, **kw):
        self._d = kw

    def __getitem__(self, k):
        return self._d[k]

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)


m = MyMap(a=1, b=2)
print(m.get("a"), m.get("z", 0), "b" in m, list(m.keys()), list(m.items()), m == {"a": 1, "b": 2})


class Seq(Sequence):
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10

    def __len__(self):
        return 3


s = Seq()
print(list(s), s.index(20), s.count(10), 20 in s, list(reversed(s)))
for abstract in (Mapping, Sequence, Iterator):
    try:
        abstract()
    except TypeError as e:
        print("TypeError:", e)


class Half(Iterator):
    pass


try:
    Half()
except TypeError as e:
    print("TypeError:", e)


class Point:
    pass


Hashable.register(Point)
Sized.register(Point)
print(isinstance(Point(), Sized), issubclass(Point, Sized), Iterable, collections.abc.Mapping)
print(type(Iterable).__name__, Iterable.__module__)
co.close()
