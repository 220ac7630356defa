# os (the part without files), os.path, io.StringIO, weakref, warnings, atexit, string.Formatter:
# the modules logging imports.
import os, os.path, io, weakref, warnings, atexit, string, sys
from os.path import join, splitext

print(os.name, os.sep, os.linesep == "\n", os.path is sys.modules["os.path"], os.path.__name__)
print(os.path.basename("/a/b/c.py"), os.path.dirname("/a/b/c.py"), os.path.dirname("c.py"))
print(splitext("archive.tar.gz"), splitext(".bashrc"), splitext("a/b.c/d"))
print(join("a", "b", "c"), join("a/", "/b"), os.path.split("/x/y"), os.path.split("/"))
print(os.path.normpath("a//b/./c/../d"), os.path.normpath(""), os.path.normcase("AbC"))
print(os.path.isabs("/a"), os.path.isabs("a"), os.path.commonprefix(["/usr/lib", "/usr/local"]))
print(os.fspath("p"), os.getenv("NOPE", "default"), isinstance(os.getpid(), int))
class P:
    def __fspath__(self):
        return "from/fspath"
print(os.fspath(P()), os.path.basename(P()), isinstance(P(), os.PathLike))
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError:", e)
try:
    join("a", 3)
except TypeError as e:
    print("TypeError:", e)

s = io.StringIO()
print(s.write("hello\n"), s.write("world"), repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()))
print(list(io.StringIO("a\nb\nc")), type(s).__name__, type(s).__module__)
with io.StringIO("x") as t:
    print(t.read(), t.closed)
print(t.closed)
try:
    t.getvalue()
except ValueError as e:
    print("ValueError:", e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print("TypeError:", e)
buf = io.StringIO()
print("via print", 1, 2, file=buf, end="!")
print(repr(buf.getvalue()))
s = io.StringIO("abcdef")
s.seek(2)
s.write("XY")
print(repr(s.getvalue()), s.truncate(3), repr(s.getvalue()))

class Obj:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Obj({self.n})"
o = Obj(1)
r = weakref.ref(o)
print(r() is o, r() , r == weakref.ref(o), hash(r) == hash(o), type(r) is weakref.ref)
del o
print(r(), r() is None)
for bad in (1, "s", [1], {}, (1,), None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print("TypeError:", e)
d = weakref.WeakValueDictionary()
a, b = Obj("a"), Obj("b")
d["a"] = a
d["b"] = b
print(len(d), sorted(d), d.get("a"), "a" in d)
del a
print(len(d), sorted(d), d.get("a"), "a" in d, list(d.values()), list(d.items()))
try:
    d["a"]
except KeyError as e:
    print("KeyError:", e)

warnings.warn("shown once per line")
for i in range(3):
    warnings.warn("in a loop")
warnings.warn("deprecated", DeprecationWarning)
warnings.warn("pending", PendingDeprecationWarning)
def old():
    warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
old()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded", RuntimeWarning)
    warnings.warn("recorded", RuntimeWarning)
print([(str(w.message), w.category.__name__, w.lineno) for w in caught])
warnings.simplefilter("error", UserWarning)
try:
    warnings.warn("as error")
except UserWarning as e:
    print("UserWarning raised:", e)
warnings.resetwarnings()
warnings.filterwarnings("ignore", message="skip.*")
warnings.warn("skip me")
print(warnings.formatwarning("msg", UserWarning, "f.py", 3, "line()"), end="")

f = string.Formatter()
print(f.format("{0}-{name}-{0!r:>5}", "x", name="n"))
print(list(f.parse("a{{b}}c{x.y[0]!s:^{w}}d{}")))
for bad in ("{", "}", "{0!x", "{0:{"):
    try:
        list(f.parse(bad))
    except ValueError as e:
        print("ValueError:", e)
class Point:
    x, y = 1, 2
print(f.format("{p.x},{p.y} {d[k]} {l[1]}", p=Point(), d={"k": "v"}, l=[5, 6]))

def bye(who, punct="!"):
    print("bye", who + punct)
atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(print, "unregistered")
atexit.unregister(print)
print("end of script")
