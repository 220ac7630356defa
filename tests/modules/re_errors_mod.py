# re.error messages and positions, TypeErrors of the API, and the traceback of a bad pattern
# (CPython's re package's own frames and line numbers).
import re
import traceback
pats = ['(abc', 'abc)', '[a-', '*a', 'a**', '(?P<1>a)', '(?P<n>a)(?P<n>b)', r'\1', '(?<=a+)b', 'a{3,2}',
        r'\p', '(?z)', '(?P=x)', '[z-a]', r'(?i', '(?#abc', 'a\n(b', '(?(2)a|b)(c)']
for p in pats:
    try:
        re.compile(p)
        print('ok', repr(p))
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
for call in [lambda: re.sub('(a)', r'\2', 'a'), lambda: re.sub('a', r'\g<x>', 'a'), lambda: re.sub('a', r'\q', 'a'),
             lambda: re.match('a', 5), lambda: re.match(b'a', 'a'), lambda: re.match('a', b'a'),
             lambda: re.sub('a', lambda m: 5, 'a'), lambda: re.compile(re.compile('a'), re.I),
             lambda: re.compile(5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
try:
    re.compile('(abc')
except re.error:
    tb = traceback.format_exc()
    here = re.__file__.rsplit('/', 1)[0]
    print(tb.replace(here, '<re>').replace(__file__.rsplit('/', 1)[0] + '/', ''))
