# The matcher against CPython: every pattern (lazy/possessive quantifiers, atomic groups,
# lookarounds, backrefs, conditionals, flags) over every subject with search, findall, match,
# fullmatch, split, subn and finditer.
import re
pats = [
 r'a*', r'a+?', r'(a|b)*c', r'(a|ab)(c|bcd)(d*)', r'^abc$', r'\bfoo\b', r'\Bo', r'(?i)hello', r'[^a-z]+',
 r'(\d+)-(\d+)', r'(?P<x>a)(?P=x)', r'(a)?b(?(1)c|d)', r'(?=abc)a', r'(?!abc)a', r'(?<=a)b', r'(?<!a)b',
 r'a{2,3}', r'a{2,}?', r'(?:ab)+', r'(ab)+', r'(a*)*', r'(a*)+b', r'(a|)+', r'x*', r'(?s).+', r'.+',
 r'(?m)^\w+$', r'(?x) a b  # comment\n c', r'a++', r'(?>a+)a', r'(?:a|b)*+b', r'a*+', r'\s+', r'\S+', r'\d', r'\D+',
 r'[\u4e00-\u9fff]+', r'(?a)\w+', r'\w+', r'[a-c]{2}', r'(a)(b)?', r'((a)|b)+', r'(a+|b+)*c', r'(?i)[a-z]+',
 r'(?i)straße', r'\$\d+\.\d{2}', r'(["\']).*?\1', r'<([a-z]+)[^>]*>', r'(?:(a)|(b))+', r'(a)|(b)', r'\Aab', r'ab\Z',
 r'a$', r'(?m)a$', r'(?<=\d{3})x', r'(?i)ǅ', r'[^\W\d_]+', r'(?i)[^a]', r'(a{0,2}?)b', r'(.)\1+', r'(?i)(a)\1',
 r'(?:x|y|z)+?q', r'(?P<first>\w+)\s(?P<last>\w+)', r'a|b|c|d', r'abc|abd', r'[abc]+|x', r'(\w)(\w)?(?(2)\2|!)',
]
subjects = ['', 'a', 'aaab', 'aabcabd', 'foo bar foobar', 'xx12-34yy5-6', 'Hello HELLO hello', 'ba ab bb cb',
  '中文abc 混合，text 123', 'line1\nline2\n', 'say "hi" and \'yo\'', '<a href="x">t</a><br/>', 'STRASSE straße',
  'ǆ ǅ Ǆ', 'xyzxq', 'a\nb\na', 'abd', 'ac']
for p in pats:
    try:
        c = re.compile(p)
    except re.error as e:
        print('ERR', p, e)
        continue
    print('P', repr(p), c.groups, c.groupindex)
    for s in subjects:
        m = c.search(s)
        r = [m and (m.span(), m.groups(), m.lastindex, m.lastgroup), c.findall(s),
             c.match(s) and c.match(s).span(), c.fullmatch(s) and c.fullmatch(s).span(),
             c.split(s), c.subn('<\\g<0>>', s), [x.span() for x in c.finditer(s)]]
        print(' ', repr(s), r)
