# At shutdown __main__'s globals die in the order they were first bound (CPython frees the
# module's dict, or collects it with the functions that keep it alive), underscore names
# included; a suspended generator is closed in its turn. sys.exit() tears down the same way.
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def ticks():
    try:
        yield 1
        yield 2
    finally:
        print("ticks closed")


first = Noisy("first")
_hidden = Noisy("_hidden")
t = ticks()
print(next(t))
last = Noisy("last")
try:
    sys.exit()
finally:
    print("exiting")
