import json
from collections import OrderedDict, Counter, namedtuple

data = {"name": "Ann", "age": 30, "scores": [1, 2.5, -3e-7, 1e22], "ok": True, "none": None, "nested": {"a": [], "b": {}}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, separators=(",", ":")), json.dumps([1, 2], indent=0))
print(json.dumps("héllo \"q\" \\ \n\t\x01 \u20ac \U0001F600"), json.dumps("héllo €", ensure_ascii=False))
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}), json.dumps((1, 2)), json.dumps(float("nan")), json.dumps([float("inf"), -float("inf")]))
print(json.dumps(OrderedDict(b=1, a=2)), json.dumps(Counter("aab")), json.dumps(namedtuple("P", "x y")(1, 2)))
print(json.dumps({"b": 1, "a": {"d": 1, "c": 2}}, sort_keys=True), json.dumps({(1, 2): 3}, skipkeys=True))
print(json.dumps({"s": {1, 2}}, default=sorted), json.dumps(12345678901234), json.dumps(0.1), json.dumps(1.0))
for bad in [lambda: json.dumps({1, 2}), lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(float("nan"), allow_nan=False)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
circ = []
circ.append(circ)
try:
    json.dumps(circ)
except ValueError as e:
    print("ValueError", e)

print(json.loads('{"a": [1, 2.5, -3, 1e3, true, false, null], "b": "x\\ny\\u00e9\\ud83d\\ude00"}'))
print(json.loads("  [1, [2, [3, {}]], []]  "), json.loads('"just a string"'), json.loads("42"), json.loads("-0.5"), json.loads("NaN"), json.loads("Infinity"))
print(json.loads(json.dumps(data)) == data, json.loads(b'[1]'), json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
for bad in ["", "   ", "[1, 2", "{\"a\" 1}", "{'a': 1}", "[1,]", "{\"a\": 1,}", "[1] x", "\"abc", "tru", "[1 2]", "{\"a\":1 \"b\":2}", "\n\n  [1,\n  x]", "\"a\\qb\"", "\"tab\there\""]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print("TypeError", e)
