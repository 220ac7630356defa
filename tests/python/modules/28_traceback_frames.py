import re
import sys
import traceback


def clean(text):
    # CPython names the script by its absolute path, loopscope as typed: keep the base name.
    return re.sub(r'File "[^"]*/', 'File "', text)


def base(path):
    return path.rsplit("/", 1)[-1]


class Out:
    def write(self, text):
        print(clean(text), end="")


out = Out()


def inner(d):
    return d["missing"] + 1


def middle(d):
    x = inner(d) * 2
    return x


def outer():
    return middle({})


try:
    outer()
except KeyError as e:
    tb = e.__traceback__
    entries = traceback.extract_tb(tb)
    print(type(entries).__name__, isinstance(entries, list), len(entries))
    for fs in entries:
        print(base(fs.filename), fs.lineno, fs.name, repr(fs.line), fs.locals)
        print(re.sub(r'file \S*/', 'file ', repr(fs)))
        filename, lineno, name, line = fs
        print(lineno, name, line, fs[1], fs[-1], len(fs))
    print(entries[1] == (entries[1].filename, entries[1].lineno, "outer", "outer()"))
    print(entries[1] == tuple(entries[1]), entries[0] == entries[0])
    print(clean("".join(traceback.format_tb(tb))), end="")
    print("--- limit 2")
    print(clean("".join(traceback.format_tb(tb, limit=2))), end="")
    print("--- limit -1")
    print(clean("".join(traceback.format_tb(tb, limit=-1))), end="")
    print("--- format_list")
    for chunk in traceback.format_list(entries):
        print(clean(repr(chunk)))
    print("--- print_tb")
    traceback.print_tb(tb, file=out)
    print("--- walk_tb")
    for frame, lineno in traceback.walk_tb(tb):
        print(frame.f_code.co_name, lineno)
    print("--- same as format_exception")
    full = traceback.format_exception(e)
    print(full[1:-1] == traceback.format_tb(tb))


print("--- format_list of tuples")
print(traceback.format_list([("a.py", 3, "f", "x = 1"), ("b.py", 7, "g", "")]))
summary = traceback.StackSummary.from_list([("a.py", 3, "f", "  y = 2  ")])
print(summary.format(), summary[0].line)
traceback.print_list([("a.py", 3, "f", "z")], file=out)
fs = traceback.FrameSummary("c.py", 9, "h", line="w = 0", locals={"a": 1})
print(fs, fs.locals, list(fs))


def a():
    return b(1)


def b(n):
    return c(n,
             2)


def c(*args):
    print("--- extract_stack")
    for fs in traceback.extract_stack():
        print(base(fs.filename), fs.lineno, fs.name, fs.line)
    print("--- format_stack")
    print(clean("".join(traceback.format_stack())), end="")
    print("--- limit 2")
    print(clean("".join(traceback.format_stack(limit=2))), end="")
    print("--- limit -1")
    print(clean("".join(traceback.format_stack(limit=-1))), end="")
    print("--- print_stack of the caller")
    traceback.print_stack(sys._getframe().f_back, file=out)
    return len(args)


print(a())


def recurse(n):
    if n == 0:
        raise ValueError("bottom")
    return recurse(n - 1)


try:
    recurse(8)
except ValueError as e:
    print("--- recursion")
    print(clean("".join(traceback.format_tb(e.__traceback__))), end="")
    print(len(traceback.extract_tb(e.__traceback__)))


def stack_deep(n):
    if n == 0:
        return traceback.format_stack()
    return stack_deep(n - 1)


print(clean("".join(stack_deep(5))), end="")
