from dataclasses import dataclass
from enum import Enum
from collections import deque, OrderedDict

class Color(Enum):
    RED = 1
    GREEN = 2

@dataclass
class Point:
    x: int
    y: int

class Plain:
    def __init__(self, a):
        self.a = a

def describe(obj):
    match obj:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 0.0:
            return "zero"
        case -1:
            return "minus one"
        case "hello" | "hi":
            return "greeting"
        case Color.RED:
            return "red"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"point {obj}"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x!r}"
        case [1, 2, *rest]:
            return f"starts 1,2 rest={rest}"
        case [first, *_, last]:
            return f"first={first} last={last}"
        case {"type": "move", "dx": dx, **others}:
            return f"move dx={dx} others={others}"
        case {"type": t}:
            return f"typed {t}"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float() as num:
            return f"number {num}"
        case str(s):
            return f"string {s!r}"
        case Plain(a=[_, _] as pair):
            return f"plain pair {pair}"
        case _:
            return f"other {type(obj).__name__}"

for v in [Plain([1, 2]), Plain(3), None, True, False, 0, 0.0, -1, "hello", "hi", "x", Color.RED, Color.GREEN,
          Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), [], [7], (8,), [1, 2, 3, 4],
          [1, 2], [5, 6, 7], (9, 8), deque([1, 2, 3]), {"type": "move", "dx": 3, "dy": 4},
          {"type": "jump"}, {"kind": 1}, 500, 42, 2.5, range(3),
          "abc", b"xy", OrderedDict(type="od")]:
    print(repr(v) if not isinstance(v, Plain) else "Plain", "->", describe(v))

def cmd(line):
    match line.split():
        case ["go", direction]:
            print("going", direction)
        case ["pick", "up", item] | ["take", item]:
            print("taking", item)
        case ["quit" | "exit"]:
            print("bye")
        case [verb, *args]:
            print("unknown", verb, args)
        case []:
            print("nothing")
for l in ["go north", "pick up lamp", "take key", "quit", "exit", "dance a lot", ""]:
    cmd(l)

match (1, 2):
    case (a, b):
        print("tuple", a, b)
match 5:
    case x:
        print("captured", x)
print(x)
match = 3
print(match)
match, case = 1, 2
print(match, case)

def status(code):
    match code:
        case 200 | 201 as ok:
            return f"ok {ok}"
        case 404:
            return "not found"
        case c if 500 <= c < 600:
            return "server error"
    return "unknown"
print([status(c) for c in (200, 201, 404, 503, 302)])
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Plain(1):
        case Plain(1):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match 1:
        case len():
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match 1:
        case int(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
class M:
    __match_args__ = ("a", "a")
    a = 1
try:
    match M():
        case M(x, y):
            pass
except TypeError as e:
    print("TypeError:", e)
match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print("rest", rest)
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)
match "abc":
    case [*chars]:
        print("seq", chars)
    case _:
        print("str is not a sequence pattern")
import builtins
print([n for n in dir(builtins) if n.startswith("$")], [n for n in dir() if n.startswith("$")])
