import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(5, 7), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(-7, 2))
print(operator.mod(-7, 3), operator.pow(2, 10), operator.neg(4), operator.pos(-2), operator.abs(-3.5), operator.invert(5))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1), operator.gt(3, 1), operator.ge(1, 3))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 4), operator.rshift(256, 2))
print(operator.not_(0), operator.truth([1]), operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2))
print(operator.getitem({"k": 9}, "k"), operator.concat([1], [2]), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d, operator.index(7), operator.iadd([1], [2]), operator.__add__(1, 1))
rows = [("bob", 30, "x"), ("alice", 25, "y"), ("carol", 30, "a")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)("hello"), itemgetter(1, 3)("hello"), itemgetter("x")({"x": 5}), itemgetter(slice(1, 3))([1, 2, 3, 4]))
print(itemgetter(1), itemgetter(1, "a"), attrgetter("real"), attrgetter("a", "b.c"), methodcaller("split", ",", maxsplit=1))

class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.inner = self
    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"
people = [P("zed", 3), P("amy", 9)]
print([p.name for p in sorted(people, key=attrgetter("name"))], attrgetter("name", "age")(people[0]))
print(attrgetter("inner.inner.name")(people[1]), methodcaller("greet", "hi")(people[0]), methodcaller("greet", "yo", punct="?")(people[1]))
print(methodcaller("upper")("abc"), list(map(itemgetter(0), ["ab", "cd"])))
for bad in [lambda: itemgetter(5)([1]), lambda: attrgetter("nope")(people[0]), lambda: operator.add(1, "a"), lambda: itemgetter()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
