# A suspended generator is closed when its last reference disappears (reference counting).
def resource(name):
    print(f"  open {name}")
    try:
        yield name
        yield name
    finally:
        print(f"  close {name}")


g = resource("a")
next(g)
print("dropping the only reference")
g = None
print("after drop")

for x in resource("b"):
    print("got", x)
    break
print("after break")


def use():
    h = resource("c")
    next(h)
    return "returning from use()"


print(use())
print("end of script")
keep = resource("d")
next(keep)
