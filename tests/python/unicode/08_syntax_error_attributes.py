# SyntaxError's offsets count characters; the tokenizer's own errors quote the line without
# its newline and end where they start.
sources = [
    '名字 = "小明',
    '名字 = 1 ¥ 2',
    'print("中文" 变量)',
    'x = (1 + y = 2)',
    '[a + 1 = 2]',
    'x = 2abc',
    'x = (1, 2]',
    'x = ((1)))',
    'def f(:\n  pass',
    'x = "abc',
    'x = """a\nb',
    'a = 1\n  b = 2',
    'x = $',
    'print "hi"',
    '名字 = 1 $ 2',
]
for src in sources:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
