# When a suspended generator is freed CPython closes it at once (reference counting):
# its finally blocks and GeneratorExit handlers run at that moment.
def tracked(name):
    try:
        yield 1
        yield 2
    finally:
        print(f"  {name} finalized")
print("del:")
g = tracked("a")
next(g)
del g
print("after del")
print("rebind:")
g = tracked("b")
next(g)
g = None
print("after rebind")
print("break out of for:")
for v in tracked("c"):
    print("  got", v)
    break
print("after loop")
print("exhausted:")
for v in tracked("d"):
    pass
print("after exhaustion")
print("never started:")
g = tracked("e")
del g
print("after del of unstarted")
def handler(name):
    try:
        yield
    except GeneratorExit:
        print(f"  {name} got GeneratorExit")
        raise
print("GeneratorExit on free:")
h = handler("h")
next(h)
h = handler("h2")
print("after replacing")
def make_and_drop():
    local = tracked("local")
    next(local)
    return "returned"
print(make_and_drop())
print("in list:")
gens = [tracked("x"), tracked("y")]
for gen in gens:
    next(gen)
gens.clear()
print("after clear")
del gen
print("end")
