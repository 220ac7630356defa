# __dict__ edge cases: non-str keys whose __hash__/__eq__ run Python, mutation while iterating,
# shared (Borg) and replaced dicts, finalizers, __getattribute__/__setattr__ overrides, copies,
# functions' and exceptions' __dict__.
import functools, json, copy

class K:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        self.target.hashed = True
        return hash('x')
    def __eq__(self, other):
        self.target.compared = other
        return other is self

class C:
    pass

c = C()
c.x = 1
d = c.__dict__
k = K(c)
d[k] = 'k'
print(sorted(str(x) for x in d if isinstance(x, str)), c.hashed)
d['x'] = 2
print(c.x, c.compared)
del d[k]
print(len(d), list(d))

# mutation while iterating the items
c2 = C()
c2.a = 1
c2.b = 2
try:
    for key, val in c2.__dict__.items():
        setattr(c2, key + key, val)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    for key in vars(c2):
        delattr(c2, key)
except RuntimeError as e:
    print('RuntimeError', e)
print(vars(c2))

# self-assignment and sharing
c3 = C()
c3.v = 1
c3.__dict__ = c3.__dict__
c3.w = 2
print(c3.__dict__)
a, b = C(), C()
a.p = 1
b.__dict__ = a.__dict__
b.q = 2
print(a.q, vars(a) is vars(b))
a.__dict__ = {}
a.r = 3
print(vars(a), vars(b), hasattr(b, 'r'))

# the old dict after del / reassignment is detached
c4 = C()
c4.x = 1
old = c4.__dict__
del c4.__dict__
print(c4.__dict__, old)
old['y'] = 2
print(hasattr(c4, 'y'))
c4.z = 3
print(old, c4.__dict__)

# the dict outlives the object
def make():
    o = C()
    o.a = 1
    return o.__dict__
md = make()
md['b'] = 2
print(md)

# finalizer reads and writes __dict__
class F:
    def __init__(self):
        self.name = 'f'
        self.d = self.__dict__
    def __del__(self):
        self.__dict__['seen'] = True
        print('del', self.seen, sorted(k for k in self.__dict__ if k != 'd'))
f = F()
del f
print('after del')

# __setattr__ / __getattribute__ overrides
class S:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
    def __getattribute__(self, name):
        if name == 'magic':
            return object.__getattribute__(self, '__dict__').get('m', 'none')
        return object.__getattribute__(self, name)
s = S()
s.m = 5
print(s.magic, s.__dict__)
object.__setattr__(s, '__dict__', {'m': 'new'})
print(s.magic, s.m)

# dict subclass as __dict__
class DD(dict):
    pass
c5 = C()
c5.__dict__ = DD(a=1)
print(c5.a)

# json and ** and comparisons
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, [2])
print(json.dumps(p.__dict__), json.dumps(vars(p), sort_keys=True))
print({**vars(p), 'z': 0}, p.__dict__ == {'x': 1, 'y': [2]}, dict(p.__dict__) is p.__dict__)
q = copy.copy(p)
q.x = 9
print(p.x, q.__dict__, p.__dict__ is q.__dict__)
p.__dict__.update(q.__dict__)
print(p.x, p.y is q.y)
r = copy.deepcopy(p)
print(r.__dict__, r.y is p.y)

# functions
def wrapped():
    pass
wrapped.tag = 'T'
@functools.wraps(wrapped)
def wrapper():
    pass
print(sorted(wrapper.__dict__), wrapper.__dict__['__wrapped__'] is wrapped, wrapper.tag)
wd = wrapper.__dict__
wrapper.extra = 1
print(sorted(wd))
try:
    del wrapper.__dict__
except TypeError as e:
    print('TypeError', e)
try:
    wrapper.__dict__ = 3
except TypeError as e:
    print('TypeError', e)
def ann(x: int):
    pass
ad = ann.__dict__
ann.y = 1
print(ad, ann.__annotations__)
ad.clear()
print(ann.__annotations__, hasattr(ann, 'y'))

# exceptions
try:
    {}['missing']
except KeyError as e:
    print(e.__dict__)
    e.__dict__['extra'] = 1
    print(e.extra, vars(e))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
try:
    raise MyErr(3)
except MyErr as e:
    print(e.__dict__, e.args)

# the dict of an object without attributes
class Empty:
    pass
em = Empty()
print(em.__dict__, vars(em) == {})
em.__dict__.setdefault('x', []).append(1)
print(em.x)

# class attributes, slots, assignment in __init__, a '__dict__' key, SimpleNamespace, __class__
try:
    raise KeyError('k')
except KeyError as e:
    print(vars(e))
class CX:
    x = 1
cx = CX()
cx.__dict__['x'] = 2
print(cx.x, CX.x)
class W:
    __slots__ = ()
try:
    W().__dict__ = {}
except AttributeError as e:
    print(e)
try:
    del W().__dict__
except AttributeError as e:
    print(e)
class Q:
    def __init__(self):
        self.__dict__ = {'a': 1}
        self.b = 2
q = Q()
print(q.__dict__, q.a, q.b, dir(q)[-2:])
setattr(q, '__dict__', {'z': 1})
print(q.z, hasattr(q, 'a'))
q.__dict__['__dict__'] = 'weird'
print(type(q.__dict__), q.__dict__['__dict__'])
import types
ns = types.SimpleNamespace(a=1)
ns.__dict__['b'] = 2
print(ns, vars(ns))
class Ch(CX):
    pass
ch = Ch()
ch.y = 1
ch.__class__ = CX
try:
    ch.__class__ = 5
except TypeError as e:
    print(e)
print(ch.__dict__, type(ch).__name__)
def g():
    pass
g.__dict__.update(a=1)
print(g.a, g.__dict__)

# __slots__ with __dict__: the slots are not in the dict
class SD:
    __slots__ = ('a', '__dict__')
sd = SD()
sd.a = 1
sd.b = 2
print(sd.__dict__, sd.a)
sd.__dict__['a'] = 'dict'
print(sd.a, sd.__dict__)
sd.__dict__.clear()
print(sd.a, sd.__dict__)
sd.__dict__ = {'c': 3}
print(sd.a, sd.c, vars(sd))
del sd.__dict__
print(sd.a, vars(sd))
sd.x = 1
sd2 = copy.copy(sd)
print(sd2.a, vars(sd2))
class Sub(SD):
    __slots__ = ('s',)
u = Sub()
u.a, u.s, u.z = 1, 2, 3
print(vars(u))
del u.a
print(hasattr(u, 'a'), vars(u))

# dict methods on a __dict__ (init, self-update, |= itself, missing keys, float/None keys), a
# shared dict, copies of an object with a shared dict
class C2:
    pass
c = C2()
c.a = 1
try:
    c.__dict__ = c
except TypeError as e:
    print(e)
vars(c).__init__(b=2)
print(c.b, vars(c))
c.__dict__.update(c.__dict__)
print(vars(c))
try:
    del c.__dict__['x']
except KeyError as e:
    print('KeyError', e)
try:
    c.__dict__.pop('x')
except KeyError as e:
    print('KeyError', e)
d = vars(c)
d |= d
print(d, sorted(d), d.keys() & {'a'})
print(c.__dict__.get('a'), 'a' in c.__dict__, c.__dict__ == {'a': 1, 'b': 2})
c.__dict__[1.5] = 'f'
c.__dict__[None] = 'n'
print(vars(c), c.a)
e = C2()
e.__dict__ = vars(c)
e.c = 3
print(vars(c), c.c)
del c.c
print(hasattr(e, 'c'))
print(dict(vars(e), z=1), list(vars(e).items())[:2])
f = copy.copy(e)
print(vars(f), vars(f) is vars(e))
g = copy.deepcopy(e)
print(vars(g))
