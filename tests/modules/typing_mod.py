from typing import (Any, Optional, Union, List, Dict, Tuple, Callable, Awaitable, Coroutine, TypeVar,
                    Generic, Protocol, cast, NamedTuple, Iterable, AsyncIterator, TYPE_CHECKING, Set, Deque)
import typing

T = TypeVar("T")
K = TypeVar("K", covariant=True)
print(Any, List, List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None])
print(Tuple[int, ...], Callable[[int, str], bool], Callable[..., Awaitable[None]], Optional[List[T]], T, K)
print(Union[int, Union[str, int]], Union[int], Set[T], Deque[int], typing.Coroutine[Any, Any, int])
print(cast(int, "x"), TYPE_CHECKING, Optional[int] == Optional[int], typing.Text)

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item

class Greeter(Protocol):
    def greet(self) -> str: ...

def first(xs: List[T]) -> Optional[T]:
    return xs[0] if xs else None

b: Box[int] = Box(5)
print(b.get(), first([3, 4]), first([]), isinstance(b, Box))
Point = NamedTuple("Point", [("x", int), ("y", int)])
print(Point(1, 2))
