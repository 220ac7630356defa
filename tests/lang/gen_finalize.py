def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in g():
    break
print("after")
def h():
    try:
        yield 1
    except GeneratorExit:
        print("h got GeneratorExit")
        raise
it = h()
next(it)
it = None
print("end")
def bad():
    try:
        yield 1
    finally:
        yield 2
b = bad()
next(b)
del b
print("done")
