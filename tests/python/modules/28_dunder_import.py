m = __import__('math')
print(m.__name__, m.sqrt(4))
c = __import__('collections.abc')
print(c.__name__)
a = __import__('collections.abc', fromlist=['Mapping'])
print(a.__name__, a.Mapping.__name__)
c = __import__('collections', globals(), locals(), ['OrderedDict'], 0)
print(c.__name__)
for a, k in [((1,), {}), (("",), {}), (("math",), {"level": -1}), (("math",), {"bogus": 1}), (("nosuchmod_zz",), {}), (("collections.nosuch",), {}), (("math", None, None, None, 0), {}), (("math", None, None, []), {})]:
    try:
        print(__import__(*a, **k).__name__)
    except Exception as e:
        print(type(e).__name__, e)
import builtins
print(builtins.__import__ is __import__)
