"""Regenerates the parser goldens from CPython 3.11: `python3 gen_parser_goldens.py`.

ast_dumps.json: [source, ast.dump(tree), ast.dump(tree, include_attributes=True)] triples.
syntax_errors.json: [source, what `python3 t.py` prints to stderr] pairs.
"""
import ast, json, os, subprocess, sys, tempfile

AST_CASES = [
    "x = 1", "a = b = c = 1", "a, b = b, a", "[a, *b] = c", "*a, b = c", "(a, b), c = d",
    "x += 1\ny -= 2\nz *= 3\nw @= 4\nv /= 5\nu //= 6\nt %= 7\ns **= 8\nr <<= 9\nq >>= 1\np &= 1\no |= 1\nn ^= 1",
    "x: int", "x: int = 1", "(x): int = 1", "a.b: str = 'c'", "a[0]: int = 1",
    "del a, b[1], c.d", "del (a, b)", "del [a]", "pass", "x = yield", "x = yield from y",
    "if a:\n    b\nelif c:\n    d\nelif e:\n    f\nelse:\n    g",
    "while x:\n    break\nelse:\n    continue",
    "for i, j in x:\n    pass\nelse:\n    pass", "for x in *a, b: pass", "for (a, b) in c: pass",
    "def f(a, b=1, *args, c, d=2, **kw) -> int:\n    return a",
    "def f(a, /, b, *, c): pass", "def f(a=1, /, b=2): pass", "def f(*, a=1, b): pass", "def f(a: int = 1, *b: str, **c: 'x'): pass",
    "async def f():\n    await x\n    async for a in b:\n        pass\n    async with a as b, c:\n        pass",
    "async def f():\n    return [x async for x in y if await x]",
    "def g():\n    yield\n    yield 1\n    yield 1, 2\n    x = yield\n    yield from h()\n    return",
    "with a: pass", "with a as b, c as (d, e): pass", "with (a as b, c as d): pass", "with (a, b): pass", "with (a, b) as c: pass", "with (a): pass", "with (a as b,): pass",
    "try:\n    pass\nexcept:\n    pass", "try:\n    pass\nexcept (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass",
    "try:\n    pass\nfinally:\n    pass", "try:\n    pass\nexcept* ValueError as e:\n    pass\nexcept* TypeError:\n    pass",
    "raise", "raise X", "raise X from Y", "raise X() from None", "assert x", "assert x, 'msg'",
    "class A: pass", "class A(B, C, metaclass=M, **kw):\n    x = 1\n    def f(self): pass",
    "@dec\ndef f(): pass", "@a.b(c)\n@d\nclass C: pass", "@(lambda f: f)\ndef f(): pass", "@x[0].y\nasync def f(): pass",
    "import x", "import x.y.z as w, a", "from x import y, z as w", "from x import (a, b,)", "from x import *", "from . import a", "from ..x.y import a", "from ... import a",
    "global a, b", "def f():\n    nonlocal a", "a; b; c;", "if x: pass; y = 1",
    "x = 0x1F + 0o17 + 0b101 + 1_000_000 + 0", "x = 1.5 + 1e-3 + 1_000.5 + .5 + 1. + 1E10 + 1e16 + 1.5e300 + 0.0001 + 0.00001",
    "x = 9223372036854775807",
    "'a' 'b'", "'a' \"b\" '''c''' \"\"\"d\"\"\"", "r'\\n' 'x\\n'", "b'a' b'\\x00\\xff'", "rb'\\x' Rb'a' BR'b'", "x = 1 if a else 2 if b else 3", "''",
    "'\\n\\t\\\\\\'\\\"\\x41\\u00e9\\U0001F600\\101\\0\\a\\b\\f\\v\\r\\d'", "'abc\\\ndef'", "'''line1\nline2'''",
    "f'a{b}c'", "f'{x!r} {y!s} {z!a}'", "f'{x:>10}'", "f'{x:>{width}}'", "f'{x:{w}.{p}f}'", "f'{{}} {{x}} {x}'",
    "f'{x=}'", "f'{x = }'", "f'{x=!s}'", "f'{x=:>10}'", "f'{x!r:^{w}}'", "f''", "f'plain'", "'a' f'b{c}d' 'e'", "f'{a}' f'{b}'",
    "f'{\"nested\"}'", "f'''{f\"{x}\"}'''", "f'{a[\"k\"]}'", "f'{x:{{}}>10}'", "f'{ x }'", "f'{x,y}'", "f'{(lambda: 1)()}'", "f'{a if b else c}'", "f'{d[\"a\"]!r:>{n}}'",
    "f'{3.14:.2f}'", "f'{x:%Y-%m-%d}'", "rf'\\n{x}'", "f'\\n{x}\\t'", "f'{x}' 'lit\\n'", "f'{x!r}' f'{y=}'", "f'a{{'", "f'{x:}'", "f'{x::}'",
    "x = lambda: 0", "x = lambda a, b=1, *c, d, **e: a", "x = lambda *, a: a", "x = lambda a, /: a",
    "x = a if b else c", "x = a if b else c if d else e", "x = lambda: a if b else c",
    "x = a or b or c and d and not e", "x = not a == b", "x = a < b <= c == d != e > f >= g", "x = a in b not in c is d is not e",
    "x = a | b ^ c & d << e >> f + g - h * i @ j / k // l % m", "x = -a ** -b", "x = ~a + +b - -c", "x = a ** b ** c", "x = (a + b) * c", "x = a - b - c", "x = 2 ** -1",
    "x = await a ** b", "x = -await a",
    "f(a, *b, c=1, **d)", "f(x for x in y)", "f(*a, *b, **c, **d)", "f(a=1, *b)", "f(a)(b)(c)", "a.b.c", "a[1]", "a[1:2]", "a[::3]", "a[1:2, ::3]", "a[:, 1]", "a[b:=1]", "a[*b]", "a[1:2:3]", "a[()]", "a[1,]",
    "x = ()", "x = (1,)", "x = (1, 2)", "x = [1, 2, *a]", "x = {1, 2, *a}", "x = {}", "x = {1: 2, **a, 3: 4}", "x = {**a}", "x = (*a, b)",
    "x = [y for y in z]", "x = [y for y in z if y if not y for w in y]", "x = {y for y in z}", "x = {k: v for k, v in z}", "x = (y for y in z)", "x = [(a, b) for a, *b in c]",
    "x = [y for y in (lambda: z)()]", "x = [a if b else c for d in e]",
    "(x := 1)", "if (n := len(a)) > 10: pass", "while chunk := f(): pass", "f(x := 1)", "[y := 1, y ** 2]",
    "x = ...", "x = None, True, False", "print(*args, sep='')", "x = a.b[c](d).e",
    "match = 3\nmatch(x)\nmatch.x = 1\nprint(match)", "case = 1\n_ = 2\ntype = 3",
    "名字 = 1\nprint(名字)", "x = '名字'; y = 'é'",
    "x = (1 +\n     2)\ny = [\n  1,\n  2,\n]", "x = 1 + \\\n    2", "if True:\n\n    # comment\n    x = 1\n\n\ny = 2",
    "def f():\n\tif x:\n\t\treturn 1\n\treturn 2",
    "x = 1\r\ny = 2\r\n", "x = 1", "# only a comment", "",
    "class A:\n    '''doc'''\n    @property\n    def x(self) -> int:\n        return self._x\n\n    @x.setter\n    def x(self, v):\n        self._x = v",
    "async def main():\n    async with a() as b:\n        await asyncio.sleep(0)\n    results = await asyncio.gather(*(f(i) for i in range(3)))\n    return results",
    "x = [\n    1,  # one\n    2,  # two\n]",
    "x = yield_ = 1", "print(1if x else 2)", "x = 1 if True else 2",
    "not_ = a is not b", "x = a.if_", "x = f(*a)[0]", "x = -1", "x = - 1.5", "x = --1",
    "for x, in y: pass", "x, = y", "x = y,", "(a) = 1", "[a, b] = 1, 2", "a.b = c[d] = 1",
    "with a as b.c: pass", "with a as b[0]: pass", "del a[1:2], a.b",
    "def f(a, b, /): pass", "def f(**kwargs): pass", "def f(*args): pass", "lambda *a, **k: 0",
    "if a:\n    pass\nelif b:\n    pass", "if a: pass\nelse: pass",
    "名字 = '名字'; print(名字, 'é' + x)", "x = f'名{名字!r:>{宽}}'",
    "result = foo(\n    a,\n    b=[1,\n       2],\n)\n", "x = (\n  1 +\n  2\n) * 3",
    "@decorator(\n    arg)\nclass A(\n    Base):\n    x: int = 1\n",
    "try:\n    x = 1\nexcept ValueError as e:\n    raise RuntimeError('x') from e\nfinally:\n    del x",
    "async def f(a, b: int = 2, *c, **d):\n    async with x as y:\n        await y\n    return [z async for z in w]",
    "x = a[1:2, ..., None]", "x = f'{a}{b!r}{{c}}{d:{e}}'", "x = f'''\n{a +\n b}\n'''", "x = lambda a=(1, 2), *b: (a, b)",
    "while (x := f()) is not None and x < 10 or not y:\n    x.y.z[0] **= 2",
    "for i in range(10):\n    if i % 2:\n        continue\n    else:\n        break",
    "def gen():\n    x = yield 1\n    y = yield\n    z = yield from g()\n    return (yield)",
    "print(*[1, 2], **{'a': 1}, sep='\\n')", "x = {**a, 'b': 2, **c}", "x = not -a ** ~b", "x = a if b else (c if d else e)",
    "import asyncio\nasync def main():\n    await asyncio.gather(*[asyncio.sleep(0) for _ in range(3)])\nasyncio.run(main())",
    "x = (1,\n     2)", "x = [\n]", "f(\n)", "class A:\n    pass\n\n\nclass B(A): pass", "x = 1 if y else\\\n    2",
]

ERROR_CASES = [
    "a=1\nb=2\nx = = 1\n", "x = 1 foo bar\n", "if x\n  pass\n", "if x:\npass\n", "if x:\n", "  x=1\n",
    "if x:\n    a\n  b\n", "s = 'abc\n", "s = '''abc\n\n", "print((1)\n", "x = 1)\n", "x = (1]\n", "x = (1,\n2]\n",
    "x = 1abc\n", "x = 0x\n", "x = 1__0\n", "x = 01\n", "x = 0_7\n", "x = 1 $ 2\n", "x = a!b\n",
    "f() = 1\n", "1 = x\n", "x = (1 2\n", "foo(a b\n", "foo(a b)\n", "x = 1 +\n", "x = 1 +",
    "名字 = = 1\n", "x = 1 ＋ 2\n", "if True:\n\tx=1\n        y=2\n", "x = \\ 1\n", "x = 1 \\",
    "del f()\n", "for f() in x: pass\n", "f() += 1\n", "(a, f()) = 1\n", "def f(:\n    pass\n",
    "x = f'{}'\n", "x = f'{x!}'\n", "x = f'{x!z}'\n", "x = f'{x'\n", "x = f'{a b}'\n", "x = f'{x}}'\n", "x = f'{x:{y:{z}}}'\n",
    "x = '\\x4'\n", "x = b'\\x4'\n", "x = 'ab\\u12'\n", "x = b'é'\n", "x = 'a' b'b'\n", "x = f'{\\n}'\n", "x = f'{#}'\n",
    "def f():\n  if x:\ny = 1\n", "x = [1, 2 3]\n", "f(a, b c)\n", "f(**k, *a)\n", "f(a=1, b)\n", "f(**k, b)\n", "f(x for x in y, 1)\n", "f(a.b=1)\n",
    "if x = 1:\n  pass\n", "if x.y = 1:\n  pass\n", "(*a)\n", "a, b: int\n", "[a]: int\n", "a + 1: int\n", "None = 1\n", "... = 1\n",
    "x = yield = 1\n", "f() = g() = 1\n", "a < b = 1\n", "del *a\n", "with a as f(): pass\n", "[x for f() in y]\n", "(f() := 1)\n",
    "def f(a=1, b): pass\n", "def f(*): pass\n", "def f(**k, a): pass\n", "try:\n  pass\nexcept A, B:\n  pass\n",
    "if x:\n\n\n", "if x:\n# c\n", "x = 1\n    y = 2\n", "for x in y:\n  pass\nelse:\nz\n", "s = 'abc\\\n  d\n", "print(1\nx = 2\n",
    "x = [1, 2\ny = 3\nz = 4 5\n", "x = 1 foo\ny = 'abc\n", "def f():\n    return\n  x\n", "class A\n  pass\n", "while x\n  pass\n",
    "def f()\n  pass\n", "for x in y\n  pass\n", "try\n  pass\n", "with x\n  pass\n", "x = (\n", "x = {1: 2, 3}\n", "x = 1 if 2\n",
    "print 'hello'\n", "x = 'a' + = 1\n", "x = '名字' + = 1\n", "try:\n  pass\nx = 1\n", "else:\n  pass\n", "x = a.\n", "import\n", "from x import\n",
    "def f(a, a): pass\n", "x = [)\n", "lambda x: yield\n", "f(**)\n", "x = 1\nx = 1 2\n", "x = f'{a!r'\n",
    "if x:\n  pass\n  else:\n  pass\n", "x = 3 +* 4\n", "return return\n", "a = 1 = 2\n", "x = [i for i in]\n",
    "class = 1\n", "x++\n", "x === 1\n", "ur'x'\n", "if x:\n  pass\nelse:\n  pass\nelif y:\n  pass\n", "def f(x):\n  return x\n  \n return 2\n",
    "for x in range(3)\n  print(x)\n", "print('a' 'b' c)\n", "x = {'a': 1 'b': 2}\n", "x = [1, 2,, 3]\n", "def f(a, *, **k): pass\n", "f(a=1, a=2)\n",
    "import a.b as\n", "from . import *\n", "x = (yield) = 1\n", "async x = 1\n", "await = 1\n", "x = 1 if 2 else\n", "x = not\n", "x = [1, 2\n", "print(f'{x!r:}')\n",
    "while True:\n    pass\n  break\n", "if x:\n    pass\n        y = 1\n", "x = '''abc\n", "x = \"abc\n", "  # comment\nx = 1\n  y = 2\n", "d = {1: 2, **}\n",
    "def f():\n    x = 1\n     y = 2\n", "x = 5 6\n", "f(1 2)\n", "x = a b c\n", "with open('f') as f\n    pass\n", "lambda x, x: 1\n", "x = [*]\n", "x: int, y: int = 1, 2\n",
    "*a = 1\n", "a, *b, *c = x\n", "for *a in x: pass\n", "x = *a\n", "print(*a)\n*a\n", "[*a, *b] = c\n", "del (*a,)\n",
    "(a, *b), *c = d\n", "def f():\n    return *a\n", "x: int = *a\n", "x += *a\n", "[x for *a in y]\n",
    "f(\n) = 1\n", "x = [i\n for i in y] = 1\n", "def f(x=1, /, y): pass\n", "def f(/, a): pass\n", "x = 1 +\\\n", "x = '\\N{DASH}'\n", "try:\n    pass\n", "try:\n    pass\nelse:\n    pass\n", "x = u'a' b'b'\n",
]

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    dumps = [[src, ast.dump(ast.parse(src)), ast.dump(ast.parse(src), include_attributes=True)] for src in AST_CASES]
    with open(os.path.join(here, "ast_dumps.json"), "w", encoding="utf-8") as f:
        json.dump(dumps, f, ensure_ascii=False, indent=0)
    errors = []
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "t.py")
        for src in ERROR_CASES:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(src)
            r = subprocess.run([sys.executable, path], capture_output=True, text=True, cwd=d)
            out = r.stderr.replace(f'File "{path}"', 'File "t.py"')
            if "Error" not in out or out.startswith("Traceback"):
                print("no error for", repr(src), file=sys.stderr)
                continue
            errors.append([src, out])
    with open(os.path.join(here, "syntax_errors.json"), "w", encoding="utf-8") as f:
        json.dump(errors, f, ensure_ascii=False, indent=0)

main()
