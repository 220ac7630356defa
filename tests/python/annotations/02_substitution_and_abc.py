# types.GenericAlias beyond the basics: list arguments, functions, substitution of type
# variables, unions, collections.abc's Callable, dataclass fields.
import collections.abc
import dataclasses
import types
import typing

print(list[[int, str]], list[[]], list[int,], dict[str, 'x'])


def f():
    pass


print(list[f], list[len])
print(list[int].__unpacked__)
try:
    list[int].foo
except AttributeError as e:
    print(e)

T = typing.TypeVar('T')
K = typing.TypeVar('K')
print(dict[K, T][str, int], dict[K, list[T]][str, int])
print(dict[K, T].__parameters__, dict[K, list[T]].__parameters__)
for bad in ((int,), (int, str, float)):
    try:
        dict[K, T][bad]
    except TypeError as e:
        print(e)
print(list[int] == list[int], {list[int]: 1}[list[int]], dict[str, list[int]] == dict[str, list[int]])
try:
    print(list[int] | 3)
except TypeError as e:
    print(e)
try:
    types.GenericAlias(list)
except TypeError as e:
    print(e)
try:
    types.GenericAlias(list, int, x=1)
except TypeError as e:
    print(e)
print(list[T], type[T], isinstance(1, int | list[int]))

C = collections.abc.Callable[[int, str], float]
print(C, type(C).__name__ == 'GenericAlias' or type(C).__name__)
print(C.__origin__, C.__args__, C.__parameters__)
print(collections.abc.Callable[[T], T][int], collections.abc.Callable[..., T][str])
print(collections.abc.Iterable[int], collections.abc.Mapping[str, int])
print(collections.abc.Coroutine[None, None, int], collections.abc.AsyncIterator[bytes])
print(typing.List[int], typing.Optional[list[int]], typing.Union[int, list[str]])
print(typing.Dict[str, list[int]], typing.Callable[[int], str], typing.Tuple[int, ...])

u = int | list[str] | None
print(u, u.__args__, list[int] | dict[str, int])
print(list[int].__name__, list[int].__doc__ == list.__doc__)


@dataclasses.dataclass
class P:
    xs: list[int]
    d: dict[str, 'P'] = dataclasses.field(default_factory=dict)


print(P([1]), P.__annotations__)
print(dataclasses.fields(P)[0].type)

# __class_getitem__ as an attribute: on the generic classes and their subclasses only.
import asyncio
import collections
print(hasattr(list, '__class_getitem__'), hasattr(int, '__class_getitem__'))
print(list.__class_getitem__(int), collections.deque.__class_getitem__(str))
print(hasattr(asyncio.Queue, '__class_getitem__'), asyncio.Queue.__class_getitem__(int))


class A(dict):
    pass


print(A.__class_getitem__((str, int)), A[str, int])
