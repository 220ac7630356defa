# __getattr__ fallbacks, __setattr__ interception, __delattr__, __getattribute__ basics.
class Defaults:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        if name.startswith("opt_"):
            return f"default for {name}"
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Defaults()
print(d.real, d.opt_color, getattr(d, "opt_size"), hasattr(d, "missing"))
try:
    d.missing
except AttributeError as e:
    print("AttributeError:", e)
class Tracked:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)
t = Tracked()
t.a = 1
t.b = "two"
t.a = 3
del t.b
print(t.log, t.a, hasattr(t, "b"))
class ReadOnly:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: read-only")
r = ReadOnly(x=1)
print(r.x)
try:
    r.x = 2
except AttributeError as e:
    print("AttributeError:", e)
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print("proxying", name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1), len(p._target))
