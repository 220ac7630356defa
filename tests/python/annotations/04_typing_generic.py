# User generics (typing.Generic) next to the builtin ones: reprs, calls, subclassing.
import typing

T = typing.TypeVar('T')


class Box(typing.Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v

    def get(self) -> T:
        return self.v


b = Box[int](3)
print(b.__orig_class__, Box[int] == Box[int], Box[T], Box[int] | None)


class IntBox(Box[int]):
    pass


print(IntBox.__bases__, IntBox.__orig_bases__, IntBox(4).get())
print(Box[list[int]], Box[typing.List[int]], Box[typing.Optional[str]])
print(typing.List[list[int]], typing.Optional[dict[str, int]])
print(Box[int].get is Box.get)


class Stack(list[T]):
    def push(self, x: T) -> None:
        self.append(x)


s = Stack[int]()
s.push(1)
s.push(2)
print(s, type(s).__name__, Stack.__orig_bases__, Stack[str])


def first(xs: list[T]) -> T | None:
    return xs[0] if xs else None


print(first.__annotations__, first([5]))
