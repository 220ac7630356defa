# Generators as methods and __iter__ implementations; itertools-like helpers by hand.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child
    def depth_first(self, depth=0):
        yield depth, self.value
        for child in self.children:
            yield from child.depth_first(depth + 1)
    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()
t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6)))
print(list(t), sum(t), max(t))
for depth, value in t.depth_first():
    print("  " * depth + str(value))
print(list(t.leaves()))
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
fib = Fib(50)
print(list(fib), list(fib), 21 in fib, len(list(fib)))
def my_enumerate(it, start=0):
    n = start
    for x in it:
        yield n, x
        n += 1
def my_zip(*its):
    iters = [iter(i) for i in its]
    while True:
        row = []
        for it in iters:
            try:
                row.append(next(it))
            except StopIteration:
                return
        yield tuple(row)
print(list(my_enumerate("abc", 1)), list(my_zip([1, 2, 3], "xy")))
def cycle(seq):
    while True:
        yield from seq
cyc = cycle([1, 2])
print([next(cyc) for _ in range(5)])
