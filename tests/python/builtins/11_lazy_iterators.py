# map/filter/zip/enumerate/reversed are lazy: side effects show exactly when items are pulled.
log = []
def noisy(x):
    log.append(x)
    return x * 10
m = map(noisy, [1, 2, 3])
print(log)
print(next(m), log)
print(list(m), log)
log.clear()
f = filter(lambda x: noisy(x) > 10, [1, 2, 3])
print(next(f), log)
log.clear()
z = zip(map(noisy, [1, 2, 3]), map(noisy, [4, 5]))
print(list(z), log)
log.clear()
e = enumerate(map(noisy, "ab"))
print(next(e), log)
lst = [1, 2, 3]
r = reversed(lst)
lst.append(4)
print(list(r))
it = iter([1, 2, 3, 4, 5])
print(list(zip(it, it)), list(it))
data = [1, 2, 3]
m2 = map(lambda v: v + 1, data)
data.append(99)
print(list(m2))
print(list(map(str.upper, filter(str.isalpha, "a1b2c3"))))
print(sum(map(len, ["ab", "cde"])), max(map(abs, [-5, 3])), sorted(map(lambda s: s[::-1], ["ab", "ca"])))
print(any(map(noisy, [0, 0, 1, 0])), log[-4:])
