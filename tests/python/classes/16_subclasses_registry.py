# __subclasses__(): direct subclasses in creation order (a plugin registry).
class Plugin:
    pass
class A(Plugin): pass
class B(Plugin): pass
class C(A, B): pass
print([c.__name__ for c in Plugin.__subclasses__()], A.__subclasses__(), C.__subclasses__())
def make():
    class Temp(Plugin): pass
    return Temp
t = make()
print([c.__name__ for c in Plugin.__subclasses__()])
print(type.__subclasses__(B))
registry = {cls.__name__.lower(): cls for cls in Plugin.__subclasses__()}
print(sorted(registry))
