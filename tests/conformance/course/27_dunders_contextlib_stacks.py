import asyncio, contextlib, io, sys

class Money:
    def __init__(self, cents): self.cents = cents
    def __format__(self, spec):
        if spec == "cn": return f"¥{self.cents / 100:,.2f}"
        return format(self.cents / 100, spec or ".2f")
    def __add__(self, o): return Money(self.cents + (o.cents if isinstance(o, Money) else o))
    __radd__ = __add__
    def __iadd__(self, o): self.cents += o; return self
    def __neg__(self): return Money(-self.cents)
    def __abs__(self): return Money(abs(self.cents))
    def __round__(self, n=0): return Money(round(self.cents, -2))
    def __repr__(self): return f"Money({self.cents})"
    def __bool__(self): return self.cents != 0
    def __lt__(self, o): return self.cents < o.cents
print(f"{Money(123456):cn} {Money(5):>8} {Money(99)}", sum([Money(1), Money(2)]), -Money(3), abs(Money(-4)), round(Money(151)))
m = Money(1); m += 5; print(m, [Money(2), Money(1)], sorted([Money(2), Money(1)]), max(Money(2), Money(7)))

class Registry:
    def __init__(self): self._d = {}
    def __getattr__(self, name):
        if name.startswith("_"): raise AttributeError(name)
        return self._d.get(name, f"<missing {name}>")
    def __setitem__(self, k, v): self._d[k] = v
    def __getitem__(self, k): return self._d[k]
    def __contains__(self, k): return k in self._d
    def __len__(self): return len(self._d)
    def __iter__(self): return iter(sorted(self._d))
    def __call__(self, *a, **kw): return f"called with {a} {kw}"
r = Registry(); r["x"] = 1; r["a"] = 2
print(r.x, r.zz, "x" in r, len(r), list(r), r(1, k=2), dict.fromkeys(r))
try: r["nope"]
except KeyError as e: print("KeyError", e)

class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), [x for x in Seq()])

def repeat(n):
    def deco(fn):
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(n)]
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
@repeat(2)
def hi(name): return f"hi {name}"
print(hi("x"), hi.__name__)
funcs = [lambda: i for i in range(3)]; print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]; print([f() for f in funcs])
def counter():
    n = 0
    def inc():
        nonlocal n; n += 1; return n
    return inc
c = counter(); c(); print(c(), c.__closure__[0].cell_contents)

with contextlib.suppress(ZeroDivisionError):
    1 / 0
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured", 1, 2, sep="-")
print(repr(buf.getvalue()))
with contextlib.ExitStack() as st:
    st.callback(print, "exit cb 1")
    st.callback(print, "exit cb 2")
    print("in stack")
@contextlib.contextmanager
def tag(n):
    print(f"<{n}>"); yield n; print(f"</{n}>")
with tag("a") as a, tag("b"):
    print("body", a)
sys.stdout.write("written\n")
print("a", "b", sep="", end="!\n")
print(*[1, 2, 3], sep=", ")
print(file=sys.stdout)

async def amain():
    async with contextlib.AsyncExitStack() as st:
        @contextlib.asynccontextmanager
        async def res(n):
            print("acquire", n); yield n; print("release", n)
        vals = [await st.enter_async_context(res(i)) for i in range(3)]
        st.push_async_callback(asyncio.sleep, 0)
        print(vals)
    async with contextlib.aclosing(agen()) as g:
        async for v in g:
            print("v", v)
            break
async def agen():
    try:
        yield 1; yield 2
    finally:
        print("agen closed")
asyncio.run(amain())
