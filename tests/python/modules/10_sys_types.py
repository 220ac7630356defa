# sys and types: argv, maxsize, version info, recursion limit, SimpleNamespace, types names.
import sys
import types
print(sys.argv[0].endswith("10_sys_types.py"), len(sys.argv))
print(sys.maxsize == 9223372036854775807, sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8))
print(sys.getrecursionlimit() >= 1000, type(sys.stdout).__name__ != "", sys.platform != "")
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b="x", c=[1]))
def f():
    yield
async def co():
    pass
print(isinstance(f(), types.GeneratorType), isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
c = co()
print(isinstance(c, types.CoroutineType))
c.close()
print(type(lambda: 0) is types.FunctionType, types.NoneType is type(None) if hasattr(types, "NoneType") else True)
class K:
    def m(self):
        pass
print(isinstance(K().m, types.MethodType), isinstance(sys, types.ModuleType))
print(__name__, sys.modules["__main__"].__name__ if "__main__" in sys.modules else "-")
if __name__ == "__main__":
    print("running as main")
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit code", e.code)
