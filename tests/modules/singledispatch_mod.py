from functools import singledispatch, singledispatchmethod

@singledispatch
def describe(x):
    return f"object {x!r}"

@describe.register(int)
def _(x):
    return f"int {x}"

@describe.register(list)
def _(x):
    return f"list of {len(x)}"

def for_str(x):
    return f"str {x.upper()}"
describe.register(str, for_str)

class Animal:
    pass
class Dog(Animal):
    pass
describe.register(Animal, lambda a: f"animal {type(a).__name__}")

print(describe(3), describe(True), describe([1, 2]), describe("hi"), describe(2.5), describe(Dog()), describe(None))
print(describe.__name__, describe.dispatch(bool).__name__, describe.dispatch(float) is describe.__wrapped__, sorted(t.__name__ for t in describe.registry))
try:
    describe()
except TypeError as e:
    print("TypeError", e)

class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return f"? {arg}"
    @fmt.register(int)
    def _(self, arg):
        return f"int:{arg}"
    @fmt.register(str)
    def _(self, arg):
        return f"str:{arg}"
f = Formatter()
print(f.fmt(1), f.fmt("a"), f.fmt(1.5))
