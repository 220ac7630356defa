# `weakref.ref` and `WeakValueDictionary` (CPython 3.11's Lib/weakref.py, PSF license, for the
# behaviour) over `_weakref`'s handles (src/modules/weakref.rs). References take no callbacks
# here, so where CPython's callback drops a dead entry the moment its value dies, this
# dictionary drops dead entries whenever it is looked at: what a script sees is the same.

import _collections_abc


class ReferenceType:
    __module__ = 'weakref'

    def __init__(self, ob, callback=None, /):
        if callback is not None:
            raise NotImplementedError(
                "loopscope: weak reference callbacks are not supported")
        self._handle = _weakref._new(ob)
        self._hash = None

    def __call__(self):
        return _weakref._get(self._handle)

    def __hash__(self):
        if self._hash is None:
            o = self()
            if o is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(o)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __repr__(self):
        o = self()
        if o is None:
            return "<weakref at %#x; dead>" % (id(self),)
        return "<weakref at %#x; to '%s' at %#x>" % (id(self), type(o).__qualname__, id(o))


ref = ReferenceType


class WeakValueDictionary(_collections_abc.MutableMapping):
    """Mapping class that references values weakly.

    Entries in the dictionary will be discarded when no strong
    reference to the value exists anymore
    """

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def _live(self):
        dead = [k for k, wr in self.data.items() if wr() is None]
        for k in dead:
            del self.data[k]
        return self.data

    def __getitem__(self, key):
        o = self._live()[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self._live()[key]

    def __len__(self):
        return len(self._live())

    def __contains__(self, key):
        return key in self._live()

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self._live()[key] = ref(value)

    def copy(self):
        new = WeakValueDictionary()
        for key, wr in list(self._live().items()):
            o = wr()
            if o is not None:
                new[key] = o
        return new

    __copy__ = copy

    def get(self, key, default=None):
        wr = self._live().get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        for k, wr in list(self._live().items()):
            v = wr()
            if v is not None:
                yield k, v

    def keys(self):
        for k, wr in list(self._live().items()):
            if wr() is not None:
                yield k

    __iter__ = keys

    def values(self):
        for wr in list(self._live().values()):
            obj = wr()
            if obj is not None:
                yield obj

    def popitem(self):
        while True:
            key, wr = self._live().popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        try:
            o = self._live().pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, /, **kwargs):
        d = self._live()
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                d[key] = ref(o)
        for key, o in kwargs.items():
            d[key] = ref(o)
