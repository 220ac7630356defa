import re
import sys
import traceback


def clean(text):
    # CPython names the script by its absolute path, loopscope as typed: keep the base name.
    return re.sub(r'File "[^"]*/', 'File "', text)


def base(path):
    return path.rsplit("/", 1)[-1]


def gen():
    yield traceback.format_stack(limit=2)
    f = sys._getframe()
    yield [fs.name for fs in traceback.extract_stack(f)]


g = gen()
print(len(next(g)), next(g))


def f():
    return sys._getframe()


# A frame that has returned keeps its callers.
fr = f()
print([(fs.name, fs.lineno) for fs in traceback.extract_stack(fr)])


def h():
    s = traceback.StackSummary.extract(traceback.walk_stack(None))
    return [(x.name, x.lineno) for x in s]


print(h())
print(traceback.extract_tb(None), traceback.format_tb(None))
try:
    [1][2]
except IndexError as e:
    s = traceback.extract_tb(e.__traceback__)
    print(re.sub(r"file \S*/", "file ", repr(s)), s[0] == s[0], s[0] != ("x", 1, "y", "z"))
    print(clean("".join(s.format())), end="")
    print(traceback.format_tb(e.__traceback__, limit=0))
# Without a line, FrameSummary reads the file's (none here).
print(repr(traceback.FrameSummary("nowhere.py", 1, "y").line))
print(base(traceback.FrameSummary(__file__, 2, "y").filename), traceback.FrameSummary(__file__, 2, "y").line)
