# __dict__ mirrored writes with Python code in the middle: a key's __eq__ clearing the dict, a
# finalizer setting attributes while the dict drops values, self-references through __dict__.
class C:
    pass
c = C()
d = c.__dict__
class K:
    def __hash__(self):
        return hash('a')
    def __eq__(self, other):
        c.__dict__.clear()
        c.z = 1
        return other is self
c.a = 1
k = K()
d[k] = 1
print(len(d), hasattr(c, "z"))
d['a'] = 5
print(c.a, len(d))
def gen():
    for i in range(3):
        setattr(c, 'g%d' % i, i)
        yield ('h%d' % i, i)
d.update(list(gen()))
print([x for x in d if isinstance(x, str)])
print(d.pop('nokey', None), len(d))
class E:
    def __del__(self):
        c.fromdel = True
c.e = E()
del c.e
print(c.fromdel)
c.e = E()
c.__dict__.clear()
print(c.fromdel, [x for x in d if isinstance(x, str)])
c.__dict__ = {'e': E()}
c.__dict__ = {}
print(vars(c))
x = C()
x.self_ref = x
x.d = x.__dict__
print(list(vars(x)))
for i in range(3):
    y = C()
    y.__dict__.update(n=i)
    print(y.n, end=' ')
print()
