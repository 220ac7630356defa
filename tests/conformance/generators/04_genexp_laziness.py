# Generator expressions are lazy; the first iterable is evaluated immediately.
log = []


def src(n):
    log.append(f"src({n}) called")
    for i in range(n):
        log.append(f"src yields {i}")
        yield i


g = (x * 2 for x in src(3))
log.append("genexp created")
print(next(g))
log.append("after first next")
print(list(g))
print(log)

try:
    bad = (x for x in 42)
except TypeError as e:
    print("TypeError at creation:", e)

fns = [lambda: i for i in range(3)]
print([f() for f in fns])
gen_of_fns = (lambda: i for i in range(3))
print([f() for f in gen_of_fns])
