# __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __reversed__, __bool__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)
g = Grid(3, 2)
g[0, 0] = "#"
g[2, 1] = "@"
print(g[0, 0], g[1, 1], (2, 1) in g, (1, 1) in g, len(g))
del g[0, 0]
print(len(g), (0, 0) in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
class Seq:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * 10
    def __len__(self):
        return self.n
s = Seq(5)
print(list(s), s[-1], s[1:4], s[::-2], 20 in s, 25 in s, len(s))
for v in s:
    print("iter via getitem", v)
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
print(bool(Empty()), bool(Falsy()), "yes" if Empty() else "no", not Falsy())
class Rev:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)
    def __reversed__(self):
        return iter(self.data[::-1])
print(list(Rev([1, 2, 3])), list(reversed(Rev([1, 2, 3]))), list(reversed(Seq(3))))
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    Falsy()[0]
except TypeError as e:
    print("TypeError:", e)
