# reprlib, keyword, graphlib, shlex, fnmatch.
import reprlib, keyword, graphlib, shlex, fnmatch
from graphlib import TopologicalSorter, CycleError

print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(10)}))
print(reprlib.repr(set(range(20))), reprlib.repr((1, 2, 3, 4, 5, 6, 7)), reprlib.repr([[[[[1]]]]]))
r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 10
print(r.repr(list(range(10))), r.repr("abcdefghijklmnop"))


class Node:
    def __init__(self, v):
        self.v = v
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Node({self.v}, {self.children})"


n = Node(1)
n.children.append(n)
print(n)

print(keyword.iskeyword("async"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.iskeyword("print"))
print(len(keyword.kwlist), keyword.kwlist[:6], keyword.softkwlist)

print(list(TopologicalSorter({"D": ["B", "C"], "C": ["A"], "B": ["A"]}).static_order()))
ts = TopologicalSorter()
ts.add("build", "fetch")
ts.add("test", "build")
ts.add("deploy", "test", "build")
ts.prepare()
while ts.is_active():
    ready = ts.get_ready()
    print("ready:", ready)
    ts.done(*ready)
print(TopologicalSorter[str])
try:
    list(TopologicalSorter({1: {2}, 2: {3}, 3: {1}}).static_order())
except CycleError as e:
    print("CycleError", e.args[0], e.args[1])
ts2 = TopologicalSorter({"a": {"b"}})
try:
    ts2.get_ready()
except ValueError as e:
    print("ValueError", e)
ts2.prepare()
try:
    ts2.add("c")
except ValueError as e:
    print("ValueError", e)
try:
    ts2.done("zz")
except ValueError as e:
    print("ValueError", e)

print(shlex.split('ls -l "my file.txt" --name=\'x y\' a\\ b'))
print(shlex.quote("it's here"), shlex.quote("plain"), shlex.quote(""), shlex.join(["echo", "a b", "$HOME"]))
lex = shlex.shlex("a=1 b='two words' # comment", posix=True)
lex.whitespace_split = True
print(list(lex))
try:
    shlex.split('echo "unterminated')
except ValueError as e:
    print("ValueError", e)

names = ["main.py", "test_io.py", "README.md", "setup.cfg", "Data.PY", "a1.txt"]
print(fnmatch.filter(names, "*.py"), fnmatch.filter(names, "test_*"), fnmatch.filter(names, "[a-z][0-9].*"))
print(fnmatch.fnmatch("Data.PY", "*.py"), fnmatch.fnmatchcase("Data.PY", "*.py"), fnmatch.fnmatch("x.txt", "?.t[!a]t"))
print(fnmatch.translate("*.py"), fnmatch.translate("[!abc]?"))
