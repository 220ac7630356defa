# types.GenericAlias (PEP 585) and its unions (PEP 604): reprs, calls, equality, attribute
# passthrough, isinstance errors, subclassing, substitution, the generic stdlib classes.
import types, collections, collections.abc, asyncio, contextvars, typing
print(list[int], dict[str, typing.Any], tuple[int, ...], list[()], type[int], tuple[()])
a = list[int]
print(type(a), a.__origin__, a.__args__, a.__parameters__)
print(a(), list[int]([1, 2]), dict[str, int](a=1))
print(a == list[int], a == list[str], a != list[int], hash(a) == hash(list[int]))
print(a.__name__, a.__qualname__, a.__module__, a.append)
print(int | list[str], list[int] | None, (int | list[str]).__args__)
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print(e)
try:
    isinstance([], int | list[int])
except TypeError as e:
    print(e)
class MyList(list[int]):
    pass
print(MyList.__bases__, MyList.__orig_bases__, MyList[int])
T = typing.TypeVar('T')
d = dict[str, T]
print(d, d.__parameters__, d[int], list[T][str])
try:
    list[int][str]
except TypeError as e:
    print(e)
print(collections.deque[int], collections.defaultdict[str, list[int]], collections.OrderedDict[str, int], collections.Counter[str], collections.ChainMap[str, int])
print(asyncio.Queue[int], asyncio.Future[str], asyncio.Task[int], asyncio.PriorityQueue[int], asyncio.LifoQueue[str])
print(contextvars.ContextVar[int], collections.abc.Awaitable[int], collections.abc.Callable[[int], str], collections.abc.Callable[..., str])
print(typing.List[int], typing.Optional[int], typing.Dict[str, int], typing.Union[int, str])
def g(x: list[int], y: "str" = "") -> dict[str, typing.Any]: pass
print(g.__annotations__)
print(types.GenericAlias(list, (int,)), types.GenericAlias(list, int), types.GenericAlias is type(list[int]))
print(list[int, str], list[list[int]], dict[str, list[int] | None])
print(repr(list[int]), str(list[int]), f"{list[int]}")
print(isinstance(list[int], type), list[int].__class__)
try:
    int[int]
except TypeError as e:
    print(e)
print(frozenset[int], set[str], type[list[int]])
x = list[int]()
print(type(x))
print(collections.abc.Callable[[int], str].__args__, collections.abc.Callable[[], None])
print(list[int].__mro_entries__((list[int],)))
print(list[...], list[None], list[typing.Any], list["int"], list[1])
