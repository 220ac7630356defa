# A metaclass's __instancecheck__ / __subclasscheck__ decide isinstance / issubclass (after
# isinstance's exact-type shortcut), as ABCs need; object.__subclasshook__ and f.__call__.
class M(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__)
        return hasattr(inst, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
    def register(cls, sub):
        return sub
class Duck(metaclass=M):
    pass
class D:
    quack = 1
print(isinstance(D(), Duck), isinstance(3, Duck), issubclass(D, Duck), Duck.register(int), type(Duck).__name__)
class Sub(Duck):
    def __init_subclass__(cls, **kw):
        pass
print(type(Sub).__name__, isinstance(Sub(), Duck))
print(object.__subclasshook__(int), (lambda x: x * 2).__call__(4), len.__call__("abc"))
