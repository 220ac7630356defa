# One call site (one LoadMethod) sees method changes on the class and the instance dict
# between calls, and instances of other classes: each call finds what attribute lookup
# finds then (loopscope remembers per call site what it found on the class).
import gc


class A:
    def who(self):
        return "A.who"


class B(A):
    pass


class C:
    def who(self):
        return "C.who"


def call(o):
    return o.who()


a = A()
b = B()
print(call(a), call(b), call(a))
a.who = lambda: "instance lambda"
print(call(a), call(b))
del a.who
print(call(a))
A.who = lambda self: "replaced on A"
print(call(a), call(b))
B.who = lambda self: "B's own"
print(call(a), call(b))
print(call(C()), call(b))


def make():
    class D:
        def who(self):
            return "D.who"
    return D()


for _ in range(3):
    print(call(make()))
    gc.collect()


class WithGetattribute(A):
    def __getattribute__(self, name):
        if name == "who":
            return lambda: "via __getattribute__"
        return object.__getattribute__(self, name)


print(call(WithGetattribute()), call(A()))
