# Instances of built-in subclasses passed to built-ins: int()/float() of str subclasses, indices,
# divmod, ord, 'in', json keys and loads, dict.fromkeys and int.from_bytes on subclasses.
class S(str): pass
class I(int): pass
class F(float): pass
class D(dict): pass
class L(list): pass
print(int(S("5")), float(S("1.5")), int(F(2.7)), float(I(3)), str(I(4)), "{}|{:>4}".format(I(5), S("ab")), "{0.real}".format(I(6)))
print(bool(S("")), bool(L()), bool(D(a=1)), min(S("b"), S("a")), sorted([S("bb"), S("a")], key=len), max(L([1, 5, 2])))
print(type(D.fromkeys("ab")).__name__, D.fromkeys("ab", 0), type(L([1]).copy()).__name__, type(D(a=1).copy()).__name__)
print(type(I.from_bytes(b"\x01", "big")).__name__, I(10).to_bytes(2, "little"), divmod(I(7), 2), pow(I(2), 3), abs(I(-2)), hash(I(3)) == hash(3))
print(S("a,b").split(","), S("x").join(["1", "2"]), S("abc").replace("b", "B"), S("ab") * 2, S("ab") in "cabd", "b" in S("ab"), S("ab")[::-1], ord(S("a")), chr(I(65)))
print(isinstance(I(1), int), isinstance(True, I), issubclass(I, int), type(I(1) + I(2)).__name__, I(1) == 1.0, {I(1): "x"}[1], {1: "y"}[I(1)])
print(list(range(I(3))), [10, 20, 30][I(1)], "abc"[I(0)], L([3, 1, 2]).index(I(2)), sum(L([1, 2])), list(zip(L([1]), S("a"))), dict(D(z=1)), list(reversed(L([1, 2]))))
import json
print(json.dumps({S("k"): I(1), "f": F(1.5), "l": L([D(a=S("v"))])}), json.loads(S('{"a": 1}')))
s = S("héllo")
print(s.encode(), len(s), s.title(), s.center(9, "*"), f"{s!r}", ascii(s), s.isalpha(), str.isalpha(s), str.__len__(s))
d = D(a=1)
d.setdefault("b", []).append(2)
print(d, d.pop("a"), d.popitem(), d, D(a=1) == {"a": 1}, D(a=1) | {"b": 2}, type(D(a=1) | {"b": 2}).__name__)
l = L([1, 2, 3])
l[0] = 9
del l[1]
l.insert(0, 0)
print(l, l + [4], type(l + [4]).__name__, l * 2, l == [0, 9, 3], l < [1], sorted(l), l[::-1], type(l[:]).__name__)
