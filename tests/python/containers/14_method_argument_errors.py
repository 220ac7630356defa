# Wrong argument counts and types for built-in methods: CPython's messages name the method
# its own way (METH_O, METH_NOARGS, Argument Clinic, or hand-parsed), and count the
# arguments after self.
from collections import deque

d = deque([1, 2, 3])
lst = [1, 2, 3]
calls = [
    ("d.append()", lambda: d.append()),
    ("d.append(1, 2)", lambda: d.append(1, 2)),
    ("d.appendleft()", lambda: d.appendleft()),
    ("d.pop(1)", lambda: d.pop(1)),
    ("d.popleft(1)", lambda: d.popleft(1)),
    ("d.extend()", lambda: d.extend()),
    ("d.extendleft()", lambda: d.extendleft()),
    ("d.clear(1)", lambda: d.clear(1)),
    ("d.rotate(1, 2)", lambda: d.rotate(1, 2)),
    ("d.count()", lambda: d.count()),
    ("d.remove()", lambda: d.remove()),
    ("d.index()", lambda: d.index()),
    ("d.index(1, 0, 3, 4)", lambda: d.index(1, 0, 3, 4)),
    ("d.reverse(1)", lambda: d.reverse(1)),
    ("d.copy(1)", lambda: d.copy(1)),
    ("d.insert(1)", lambda: d.insert(1)),
    ("isinstance(1)", lambda: isinstance(1)),
    ("isinstance()", lambda: isinstance()),
    ("issubclass(int)", lambda: issubclass(int)),
    ("lst.append()", lambda: lst.append()),
    ("lst.pop(1, 2)", lambda: lst.pop(1, 2)),
    ("[].pop(1, 2)", lambda: [].pop(1, 2)),
    ("lst.pop('a')", lambda: lst.pop("a")),
    ("[].pop('a')", lambda: [].pop("a")),
    ("[].pop()", lambda: [].pop()),
    ("lst.pop(10)", lambda: lst.pop(10)),
    ("{}.get()", lambda: {}.get()),
    ("{}.keys(1)", lambda: {}.keys(1)),
    ("{}.values(1)", lambda: {}.values(1)),
    ("{}.items(1)", lambda: {}.items(1)),
    ("''.join()", lambda: "".join()),
    ("len()", lambda: len()),
    ("len(1, 2)", lambda: len(1, 2)),
]
for text, call in calls:
    try:
        result = call()
    except (TypeError, IndexError, ValueError) as e:
        print(f"{text:22} {type(e).__name__}: {e}")
    else:
        print(f"{text:22} -> {result!r}")

print(lst.pop(True), lst, d.copy(), d.index(2), d.index(3, 1, 3))
