"""loopscope's abc: abstract methods are checked when a subclass of ABC is instantiated
(CPython's message and sorted method names). loopscope has no custom metaclasses, so ABCMeta
is `type` and classes using `metaclass=ABCMeta` without the ABC base are not checked."""

ABCMeta = type


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if isinstance(value, property):
        fs = (value.fget, getattr(value, "fset", None), getattr(value, "fdel", None))
        return any(_is_abstract(f) for f in fs if f is not None)
    if isinstance(value, (staticmethod, classmethod)):
        value = value.__func__
    return getattr(value, "__isabstractmethod__", False) is True


def _abstract_methods(cls):
    names = set()
    for klass in cls.__mro__:
        for name in klass.__dict__:
            names.add(name)
    missing = []
    for name in names:
        for klass in cls.__mro__:
            if name in klass.__dict__:
                if _is_abstract(klass.__dict__[name]):
                    missing.append(name)
                break
    return sorted(missing)


class ABC:
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        missing = _abstract_methods(cls)
        if missing:
            s = "s" if len(missing) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{s} {', '.join(missing)}")
        return object.__new__(cls)


def get_cache_token():
    return 0


def update_abstractmethods(cls):
    return cls


class abstractproperty(property):
    __isabstractmethod__ = True


def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)
