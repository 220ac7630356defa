# str vs repr of nested containers with strings, floats, None, bools.
data = [1, "two", 3.0, None, True, [4, "five"], ("six", 7), {"eight": 8.5}, {9}]
print(data)
print(str(data) == repr(data))
print(repr("str inside"), str("str inside"))
print({"k": ["v", ("t",)], "n": {"deep": [None, "x"]}})
print((["a"], {"b": ("c",)}))
print([[]], [[[]]], [(), {}], [set()], [frozenset({1})])
print(["quote'd", 'dq"', "both'\""])
print({1: "a\nb", "tab\t": 2})
print([0.1, 1e16, -0.0, float("inf"), float("nan"), 1e-5])
print([1.0, 2.50, 100.0], (0.5,), {0.25: 1})
lst = [1, 2]
lst.append(lst)
print(lst)
d = {"self": None}
d["self"] = d
print(d)
class Item:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Item({self.name!r})"
print([Item("a"), Item("b")], {"i": Item("c")}, (Item("d"),))
class OnlyStr:
    def __str__(self):
        return "only-str"
    def __repr__(self):
        return "<OnlyStr>"
print(OnlyStr(), [OnlyStr()], str([OnlyStr()]))
print(list(range(3)), range(3), range(1, 10, 2), repr(range(0, -5, -1)))
print(str(b"x"), [b"y"], [bytearray(b"z")])
print(type([]), type(()), type({}), type(set()), type(""), type(1), type(None), type(len))
print(dict(a=[1, {"b": (2, 3)}]), [{"k": v} for v in range(2)])
