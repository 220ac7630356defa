# throw(): raise an exception at the paused yield; the generator may handle it and go on.
def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print(f"  handled {e!r}")
            n = -1
        n += 1


g = resilient()
print(next(g), next(g))
print("throw ->", g.throw(ValueError("reset")))
print(next(g))
try:
    g.throw(KeyError("unhandled"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("generator is finished after an unhandled throw")

fresh = resilient()
try:
    fresh.throw(ValueError("before start"))
except ValueError as e:
    print("throw into a fresh generator raises at once:", repr(e))
g2 = resilient()
next(g2)
print("throw with a class:", g2.throw(ValueError))
