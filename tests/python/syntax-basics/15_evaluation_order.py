# Evaluation order: right-hand side first, then targets left to right; call arguments left to right.
log = []
def v(tag, value):
    log.append(tag)
    return value
a = [0, 0, 0]
a[v("idx1", 0)], a[v("idx2", 1)] = v("rhs1", 10), v("rhs2", 20)
print(a, log)
log.clear()
x = y = v("shared", [])
print(x is y, log)
log.clear()
i = 0
lst = [0, 0]
i, lst[i] = 1, 5
print(i, lst)
log.clear()
result = v("f", max)(v("arg1", 1), v("arg2", 2), key=v("key", None))
print(result, log)
log.clear()
d = {v("k1", "a"): v("v1", 1), v("k2", "b"): v("v2", 2)}
print(d, log)
log.clear()
total = v("left", 1) + v("right", 2) * v("mul", 3)
print(total, log)
log.clear()
cond = v("test", True) and v("and-rhs", 0) or v("or-rhs", "fallback")
print(cond, log)
log.clear()
z = v("then", "T") if v("cond", False) else v("else", "E")
print(z, log)
log.clear()
print(v("cmp1", 1) < v("cmp2", 2) < v("cmp3", 0) < v("cmp4", 9), log)
log.clear()
obj = type("O", (), {})()
setattr(v("target", obj), v("name", "attr"), v("value", 42))
print(obj.attr, log)
log.clear()
a[v("aug-index", 2)] += v("aug-value", 7)
print(a, log)
