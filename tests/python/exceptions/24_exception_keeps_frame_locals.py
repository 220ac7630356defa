# An exception keeps the locals of the frames it ended (through its traceback) until it is
# freed: at the end of the except block that caught it, named or not.
class Res:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)

def f(n):
    r = Res(n)
    raise ValueError("x")

try:
    f(1)
except ValueError:
    print("in handler 1")
print("after 1")

try:
    f(2)
except ValueError as e:
    print("in handler 2")
print("after 2")

def g():
    try:
        f(3)
    except ValueError:
        print("in handler 3")
    print("after 3")
g()
def h():
    try:
        f(4)
    except ValueError as e:
        print("in handler 4")
    print("after 4")
h()

class E(Exception):
    def __del__(self): print("E del")
try:
    raise E
except E:
    print("h")
print("a")
def f():
    raise E
try:
    f()
except E:
    print("h2")
print("a2")
