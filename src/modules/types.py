# loopscope: the Python part of `types` (the native part sets the type names first).


class SimpleNamespace:
    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _repr_running:
            return f'{name}(...)'
        _repr_running.add(key)
        try:
            items = (f'{k}={v!r}' for k, v in self.__dict__.items())
            return f'{name}({", ".join(items)})'
        finally:
            _repr_running.discard(key)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


_repr_running = set()


class UnionType:
    # `int | None` (PEP 604). The VM builds one through _make when `|` meets two classes
    # (or None); CPython's union dedups its members and reprs them as annotations read.
    def __repr__(self):
        return ' | '.join(_union_repr(a) for a in self.__args__)

    def __or__(self, other):
        return UnionType._make(self, other)

    def __ror__(self, other):
        return UnionType._make(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)

    @staticmethod
    def _make(a, b):
        args = []
        for x in (a, b):
            if x is None:
                x = type(None)
            for y in (x.__args__ if isinstance(x, UnionType) else (x,)):
                if y not in args:
                    args.append(y)
        if len(args) == 1:
            return args[0]
        u = object.__new__(UnionType)
        u.__args__ = tuple(args)
        return u


def _union_repr(obj):
    if obj is type(None):
        return 'None'
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    return repr(obj)
