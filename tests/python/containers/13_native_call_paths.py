# What the VM's fast paths for calls of built-in methods and dict subscripts must keep:
# int keys equal to bools and floats, keys whose __eq__ runs Python, subclasses that
# override methods, methods replaced after a call site saw them, bound methods, and the
# errors of wrong argument counts.
from collections import deque


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        print("Key.__eq__", self.n, other)
        return self.n == other


def subscripts():
    d = {}
    for i in range(3):
        d[i] = i * 10
    d[True] = "true"
    d[2.0] = "two"
    print(d, d[1], d.get(0), d.get(2), d.get(5, "none"), d.get(5))
    e = {Key(7): "seven"}
    e[7] = "int seven"
    print(e.get(7), e[7], len(e))
    try:
        d[99]
    except KeyError as exc:
        print("KeyError", exc)
    big = {2**61 - 1: "a", -1: "b", -(2**61): "c", 2**62: "d"}
    print(big[2**61 - 1], big[-1], big[-(2**61)], big[2**62], hash(-1), hash(2**61))


class LoudDict(dict):
    def get(self, k, default=None):
        print("LoudDict.get", k)
        return super().get(k, default)


class LoudDeque(deque):
    def append(self, x):
        print("LoudDeque.append", x)
        super().append(x)


def methods():
    for d in ({1: "a"}, LoudDict({1: "b"})):
        for _ in range(2):
            print(d.get(1, 0), d.get(2, 0))
    for q in (deque(), LoudDeque()):
        for i in range(2):
            q.append(i)
        print(q, q.pop(), q.popleft(), len(q))
    app = deque.append
    q = deque()
    app(q, 5)
    m = q.append
    m(6)
    print(q, m.__self__ is q, type(m).__name__)


class Box:
    def put(self, x):
        return ("put", x)


def replaced():
    b = Box()
    out = []
    for i in range(4):
        if i == 2:
            Box.put = lambda self, x: ("replaced", x)
        if i == 3:
            b.put = lambda x: ("own", x)
        out.append(b.put(i))
    print(out)


def errors():
    d = {}
    q = deque()
    for f, args in ((d.get, ()), (d.get, (1, 2, 3)), (len, ()), (len, (1, 2))):
        try:
            f(*args)
        except TypeError as exc:
            print("TypeError:", exc)
    try:
        d.get()
    except TypeError as exc:
        print("TypeError:", exc)
    try:
        dict.get()
    except TypeError as exc:
        print("TypeError:", exc)
    try:
        dict.get(q, 1)
    except TypeError as exc:
        print("TypeError:", exc)
    try:
        deque.pop(d)
    except TypeError as exc:
        print("TypeError:", exc)
    try:
        deque().pop()
    except IndexError as exc:
        print("IndexError:", exc)


subscripts()
methods()
replaced()
errors()
