"""Generates strops_cases.jsonl: str method calls and CPython 3.11's results.

Run with CPython 3.11: python3 gen_strops_cases.py > strops_cases.jsonl
Line 1 is {"grids": {...}}: argument lists shared by the grouped lines that follow.
Other lines: [method, self, args, result] for one call, or [group, self, extra, results] where
results follow the group's grid (see the "grouped" section below). An error result is
{"error": "<Type>: <msg>"}.
"""
import json
import itertools

STRS = ["", "a", "abc", "  hello world  ", "a,b,,c,", ",a,", "aaaa", "abcabcabc", "\t x\ny \x0b z\x0c\r\n",
        "hello\r\nworld\rfoo\nbar\x1cbaz\x85qux\u2028end\u2029", "line\n", "\n\n", "日本語のテキスト", "日本 語 テ キ",
        "Straße", "ǆemal ǉubljana", "ΟΔΟΣ ΟΔΟΣΣ Σ ΑΣ.", "ﬁnd ﬂow", "İstanbul", "ſtop", "hello WORLD 123",
        "they're bill's friends", "Élan vital", "x\u3000y\u2003z\xa0w\x1c\x1dv", "-42", "+7", "42", "ab\tc\td",
        "01\t012\t0123\t01234", "a\tb\nc\td", "１２３", "½", "²", "٣٤٥", "〇一二三", "abc123", "αβγ", "_id", "1abc",
        "названиеΣ", "ǅungla", "MiXeD cAsE", "  ", "\x00\x7f", "é\u0301", "🐍 python 🐍", "a\u200bb"]
SUBS = ["", "a", "b", "ab", "abc", ",", " ", "l", "o", "日本", "語", "Σ", "🐍", "xyz", "\n", "c"]

cases = []


def call(meth, s, *args):
    try:
        r = getattr(s, meth)(*args)
        if isinstance(r, tuple):
            r = list(r)
    except Exception as e:  # noqa: BLE001
        r = {"error": f"{type(e).__name__}: {e}"}
    return r


def rec(meth, s, *args):
    cases.append([meth, s, list(args), call(meth, s, *args)])


PAIRS = [[], [0], [1], [-1], [100], [2, -1], [-3, -1], [1, 2], [0, 100], [-100, 2], [3, 1], [5, 5], [None, 3], [2, None]]
SEARCH = ["find", "rfind", "count", "startswith", "endswith"]
SPLIT = [[m, sep, ms] for m in ("split", "rsplit") for sep in (None, ",", " ", "ab", "", "日本", "\n", "Σ") for ms in (-1, 0, 1, 2)]
STRIP = [[m, chars] for m in ("strip", "lstrip", "rstrip") for chars in (None, "", " ", "a", "ab", " \t\n", "日", "Σ.")]
REPLACE = [[new, cnt] for new in ("", "-", "XY") for cnt in (-1, 0, 1, 2)]
PAD = [[m, w, fill] for m in ("center", "ljust", "rjust") for w in (-1, 0, 1, 5, 10, 11, 20) for fill in (" ", "*", "日")]
PLAIN = ["upper", "lower", "casefold", "title", "capitalize", "swapcase", "isdigit", "isdecimal", "isnumeric", "isalpha",
         "isalnum", "isspace", "isupper", "islower", "istitle", "isidentifier", "isprintable", "isascii"]
MISC = [["splitlines"], ["splitlines", True], ["expandtabs"]] + [["expandtabs", t] for t in (0, 1, 4, 8, -1)] + \
       [["zfill", w] for w in (-1, 0, 3, 8)]
print(json.dumps({"grids": {"pairs": PAIRS, "search": SEARCH, "split": SPLIT, "strip": STRIP, "replace": REPLACE,
                            "pad": PAD, "plain": PLAIN, "misc": MISC}}, ensure_ascii=True))

for s in STRS:
    cases.append(["plain", s, None, [call(m, s) for m in PLAIN]])
    cases.append(["misc", s, None, [call(a[0], s, *a[1:]) for a in MISC]])
    cases.append(["split", s, None, [call(a[0], s, *a[1:]) for a in SPLIT]])
    cases.append(["strip", s, None, [call(a[0], s, *a[1:]) for a in STRIP]])
    cases.append(["pad", s, None, [call(a[0], s, *a[1:]) for a in PAD]])
    subs = ["", "a", "Σ", "日本", "xyz", ",", s[:1], s[1:3], s[-2:]]
    for sub in dict.fromkeys(subs):
        cases.append(["search", s, sub, [[call(m, s, sub, *p) for p in PAIRS] for m in SEARCH]])
        cases.append(["replace", s, sub, [call("replace", s, sub, *a) for a in REPLACE]])
        for m in ("partition", "rpartition", "removeprefix", "removesuffix"):
            rec(m, s, sub)

# Every single-character case mapping and class the tables must agree on, sampled densely.
chars = "".join(chr(c) for c in range(0x80, 0x3000, 11)) + "ǄǅǆǇǈǉǊǋǌǱǲǳᾈᾉᾀ" + "".join(
    chr(c) for c in range(0x10000, 0x1F000, 151))
for m in ["upper", "lower", "casefold", "title", "capitalize", "swapcase", "isdigit", "isdecimal", "isnumeric",
          "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle", "isidentifier", "isprintable"]:
    for i in range(0, len(chars), 40):
        chunk = chars[i:i + 40]
        if m.startswith("is"):
            cases.append([m + "_each", chunk, [], "".join("01"[getattr(c, m)()] for c in chunk)])
        else:
            rec(m, chunk)

for c in cases:
    print(json.dumps(c, ensure_ascii=True))
