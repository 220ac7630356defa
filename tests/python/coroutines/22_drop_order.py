# CPython's tuple and list deallocators release their items last first: never-awaited
# coroutines held only by a tuple or a list warn in that order, and so do finalizers.
async def first():
    pass


async def second():
    pass


async def third():
    pass


t = (first(), second())
del t
print("tuple dropped")

items = [first(), second(), third()]
del items
print("list dropped")

pair = (first(), 42, "text", second())
pair = None
print("mixed tuple replaced")


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalized", self.name)


mixed = (first(), Noisy("a"), second(), Noisy("b"))
del mixed
print("done")
