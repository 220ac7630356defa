# The order __del__ runs in when many objects die at once: CPython's deallocators recurse, so
# a container's items die first to last for dicts and instances, last to first for lists and
# tuples, each with everything only it holds before the next; what dies inside a __del__ is
# finalized inside it.
class D:
    def __init__(self, n, kids=()):
        self.n = n
        self.kids = list(kids)

    def __del__(self):
        print("del", self.n)


x = [D(1, [D(11), D(12)]), D(2, [D(21), D(22)])]
del x
print("--")
t = (D("a", [D("a1")]), D("b", (D("b1"), D("b2"))))
del t
print("--")
d = {"p": D("p", [D("p1")]), "q": D("q", {"k": D("q1")})}
del d
print("--")


class E:
    def __init__(self, n, inner=None):
        self.n = n
        self.inner = inner

    def __del__(self):
        print("enter", self.n)
        self.inner = None
        print("leave", self.n)


y = [E(1, E(10, E(100))), E(2, E(20))]
del y
print("--")


class Holder:
    pass


h = Holder()
h.first = D("first", [D("first.kid")])
h.second = [D("s1"), D("s2")]
h.third = D("third")
del h
print("end")
