# An instance's __dict__ is a live view of its attributes: the same dict every time, and
# changes on either side show on the other (update, item assignment, del, clear, pop, |=, ...).
import copy, json

class C:
    def __init__(self, **kw):
        self.__dict__.update(kw)

c = C(a=1, b=2)
print(c.a, c.b, c.__dict__)
d = c.__dict__
c.x = 3
print(d, d is c.__dict__, type(d) is dict, vars(c) is d)
d['z'] = 9
print(c.z)
del d['a']
print(hasattr(c, 'a'), d)
vars(c)['q'] = 5
print(c.q)
del c.q
print(d)
d[1] = 'one'
d[(2, 3)] = 'tuple'
print(d, len(d))
print(json.dumps({k: v for k, v in d.items() if isinstance(k, str)}))
print({**d})
print(dict(d))
print(d.pop('z'), hasattr(c, 'z'))
print(d.setdefault('s', 10), c.s)
print(d.setdefault('s', 11), c.s)
d |= {'m': 1, 'n': 2}
print(c.m, c.n, list(d))
print(d.popitem(), hasattr(c, 'n'))
d.update([('u', 1)], v=2)
print(c.u, c.v)
d.clear()
print(d, hasattr(c, 'b'), vars(c))
c.after = 1
print(d)
try:
    print(c.b)
except AttributeError as e:
    print('AttributeError', e)

# assignment
c.__dict__ = {'p': 1, 7: 'seven'}
print(c.p, c.__dict__, d)
nd = {'k': 2}
c.__dict__ = nd
print(c.__dict__ is nd, c.k)
nd['w'] = 4
print(c.w)
c.k = 5
print(nd)
for bad in (5, [('a', 1)], None):
    try:
        c.__dict__ = bad
    except TypeError as e:
        print('TypeError', e)
try:
    del c.__dict__
except TypeError as e:
    print('TypeError', e)
print(c.__dict__)

# Borg: shared dict
class Borg:
    _shared = {}
    def __init__(self):
        self.__dict__ = self._shared
b1 = Borg(); b2 = Borg()
b1.x = 1
print(b2.x, Borg._shared)
b2.x = 2
print(b1.x)
del b1.x
print(hasattr(b2, 'x'), Borg._shared)

# iteration while mutating
e = C(a=1)
try:
    for k in e.__dict__:
        e.new = 1
except RuntimeError as ex:
    print('RuntimeError', ex)
print(e.__dict__)

# order
class O:
    pass
o = O()
o.b = 1; o.a = 2
od = o.__dict__
del o.b
o.b = 3
print(od, list(vars(o)))
o.__dict__['c'] = 4
o.a = 5
print(od, repr(o.__dict__))

# copy
class K:
    def __init__(self):
        self.items = [1, 2]
        self.name = 'k'
k = K()
kd = k.__dict__
kd[5] = 'five'
k2 = copy.copy(k)
print(k2.__dict__, k2.__dict__ is kd, k2.items is k.items)
k3 = copy.deepcopy(k)
print(k3.__dict__, k3.items is k.items)
k2.name = 'k2'
print(k.name, k2.name)

# slots
class S:
    __slots__ = ('a',)
s = S()
try:
    s.__dict__
except AttributeError as ex:
    print('AttributeError', ex)
try:
    s.__dict__ = {}
except AttributeError as ex:
    print('AttributeError', ex)
print(hasattr(s, '__dict__'))
try:
    vars(s)
except TypeError as ex:
    print('TypeError', ex)
class SD:
    __slots__ = ('a', '__dict__')
sd = SD()
sd.a = 1
sd.b = 2
print(sd.__dict__)
sd.__dict__['c'] = 3
print(sd.c)

try:
    object().__dict__
except AttributeError as ex:
    print('AttributeError', ex)

# builtin subclasses
class L(list):
    pass
l = L([1, 2])
l.tag = 't'
ld = l.__dict__
ld['more'] = 1
print(l, l.more, ld)
class Dd(dict):
    pass
dd = Dd(a=1)
dd.__dict__['attr'] = 2
print(dd, dd.attr, dd.__dict__)

# exceptions
try:
    raise ValueError('x')
except ValueError as ex:
    ex.note = 1
    print(ex.__dict__)
    ex.__dict__['more'] = 2
    print(ex.more, ex.__dict__, ex.args)

# property shadows dict entries
class Pr:
    @property
    def v(self):
        return 'prop'
    def m(self):
        return 'method'
pr = Pr()
pr.__dict__['v'] = 'dict'
pr.__dict__['m'] = lambda: 'instance'
print(pr.v, pr.m(), pr.__dict__['v'])

# __getattr__
class G:
    def __getattr__(self, name):
        return 'missing ' + name
g = G()
print(g.zz)
g.__dict__['zz'] = 'present'
print(g.zz)
del g.__dict__['zz']
print(g.zz)

# functions
def f():
    pass
fd = f.__dict__
f.attr = 1
print(fd, f.__dict__ is fd)
fd['other'] = 2
print(f.other)
del fd['attr']
print(hasattr(f, 'attr'))
f.__dict__ = {'new': 1}
print(f.new, hasattr(f, 'other'))
def ann(x: int) -> str:
    pass
print(ann.__dict__, ann.__annotations__)

# setattr/getattr/delattr builtins
setattr(c, 'dyn', 1)
print(c.__dict__['dyn'])
c.__dict__.update(dyn=2)
print(getattr(c, 'dyn'))

# dataclass
import dataclasses
@dataclasses.dataclass
class DC:
    a: int
    b: str = 'x'
dc = DC(1)
print(dc.__dict__, vars(dc))
dc.__dict__['a'] = 10
print(dc, dataclasses.asdict(dc))
print(sorted(DC.__dict__.keys())[:3])
