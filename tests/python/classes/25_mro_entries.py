# PEP 560: a base that is not a class is replaced by what its __mro_entries__ returns, and
# the bases as written are kept in __orig_bases__ (stored after the body ran).
class B:
    def __mro_entries__(self, bases):
        print("mro_entries", [type(b).__name__ for b in bases])
        return (Base,)

class Base:
    def hello(self):
        return "hello from Base"

class C(B(), dict):
    print("body runs after __mro_entries__")
    x = 1

print(C.__bases__, [type(b).__name__ for b in C.__orig_bases__], "__orig_bases__" in C.__dict__)
print(C().hello(), C.__mro__)

class Empty:
    def __mro_entries__(self, bases):
        return ()

class D(Empty()):
    pass
print(D.__bases__)

class BadEntries:
    def __mro_entries__(self, bases):
        return [object]
try:
    class E(BadEntries()):
        pass
except TypeError as e:
    print("TypeError:", e)
print("__orig_bases__" in Base.__dict__)
