# import x, import x as y, from x import y (as z), and module attributes.
import math
import math as m
from math import sqrt, pi as PI
from collections import deque as Deque, Counter
import itertools, functools
import random as rnd
print(math.sqrt(9), m.sqrt(16), sqrt(25), round(PI, 2), m is math)
print(Deque([1]), Counter("aab"), itertools.__name__, functools.__name__, rnd.__name__, m.__name__)
def uses_local_import():
    import heapq
    h = [3, 1, 2]
    heapq.heapify(h)
    return h
print(uses_local_import())
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    math.no_such_attr
except AttributeError as e:
    print("AttributeError:", e)
import sys
print("math" in sys.modules, hasattr(math, "floor"), callable(math.floor))
from itertools import count
c = count(5)
print(next(c), next(c))
import types, time
print(type(math).__name__, isinstance(math, types.ModuleType))
