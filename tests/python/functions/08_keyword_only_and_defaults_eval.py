# Keyword-only parameters after *args, defaults evaluated at definition time, call evaluation order.
def log(*messages, level="INFO", sep=" "):
    return f"[{level}] " + sep.join(str(m) for m in messages)
print(log("a", 1), log("x", "y", level="WARN"), log(sep="-"), log(1, 2, 3, sep=","))
def tag(name, /, **attrs):
    inner = " ".join(f'{k}="{v}"' for k, v in attrs.items())
    return f"<{name} {inner}>" if inner else f"<{name}>"
print(tag("a", href="/x", name="n"), tag("br"), tag("p", name="pos-only name is free"))
order = []
def val(label, v):
    order.append(label)
    return v
def f(a, b, *, c):
    return a + b + c
print(f(val("a", 1), val("b", 2), c=val("c", 3)), order)
order.clear()
print({val("k1", "x"): val("v1", 1), val("k2", "y"): val("v2", 2)}, order)
order.clear()
val("target", [0, 0])[val("index", 1)] = val("value", 5)
print(order)
def default_time(seq=[]):
    seq.append(len(seq))
    return seq
print(default_time(), default_time(), default_time([]))
def nested_defaults(x, y=None, *, z=lambda v: v * 2):
    return z(x if y is None else y)
print(nested_defaults(3), nested_defaults(3, 5), nested_defaults(3, z=str))
def many(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(many(1, c=3), many(1, 2, 3, 4, c=5, e=6), many(*[1, 2], **{"c": 0, "z": 9}))
