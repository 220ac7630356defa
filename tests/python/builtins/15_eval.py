# eval(): expressions in the caller's namespaces (a function's locals too), given dicts, compile(..., "eval"),
# and the "invalid syntax" CPython reports for what is not one expression.
x = 10
print(eval("x * 2"), eval(" 1+1"), eval("[i for i in range(3)]"), eval("lambda: 1")() )
def f(y):
    z = 3
    return eval("y + z + x")
print(f(1))
print(eval("a + b", {"a": 1, "b": 2}), eval("a", {}, {"a": 5}), eval("len('abc')", {}))
c = compile("x + 1", "<expr>", "eval")
print(eval(c), type(c).__name__)
ns = {}
exec("def g(): return 42", ns)
print(eval("g()", ns))
for s in ["x = 1", "", "1; 2", "import os", "pass", "if 1: 2", "1\n2", "x +=1", "x: int = 1"]:
    try:
        print(repr(eval(s)))
    except SyntaxError as e:
        print("SyntaxError", repr(e.msg), e.lineno, e.offset, e.end_offset, repr(e.text))
try:
    eval("undefined_name")
except NameError as e:
    print(e)
try:
    eval("1/0")
except ZeroDivisionError as e:
    print(e)
print(eval("__name__"), eval("x", {"x": 7}))
try:
    eval(5)
except TypeError as e:
    print(e)
try:
    eval()
except TypeError as e:
    print(e)
print(eval(b"1+2"))
print(eval("(yield)") if False else "skip")
eval("print('side effect')")
try:
    eval("1", None, None, None)
except TypeError as e:
    print(e)
