# An uncaught exception keeps its traceback's frames (and their locals) alive until shutdown,
# as sys.last_value does; then __main__ is torn down: objects with __del__ in the failing
# frames go first, then the globals, and a generator the script still held is closed.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers closed")


def inner(n):
    local = Noisy(f"inner local {n}")
    if n == 0:
        raise ValueError("boom")
    inner(n - 1)


g = Noisy("global")
it = numbers()
print(next(it))
_private = Noisy("underscore global")
try:
    inner(2)
finally:
    print("finally ran")
