# __str__ and __repr__ may return an instance of a str subclass.
class S(str):
    pass
class A:
    def __str__(self):
        return S("as str")
    def __repr__(self):
        return S("as repr")
print(A(), repr(A()), [A()], f"{A()}|{A()!r}", str(A()))
