# Nested conditional expressions, short-circuit evaluation order, and operator precedence.
def grade(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "F"
print([grade(s) for s in [95, 85, 75, 65, 90, 80]])
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, 10 - 4 - 3, 100 / 10 / 5)
print(1 + 2 == 3, 1 < 2 == 2, not 1 == 2, not (1 and 0), 1 or 0 and 0, (1 or 0) and 0)
print(5 & 3 | 8, 5 & (3 | 8), 1 << 2 + 1, (1 << 2) + 1, ~0 + 1, -~5)
print(3 > 2 and "yes" or "no", 0 > 2 and "yes" or "no", [] or {} or "last")
print(7 % 3 * 2, 7 * 3 % 2, 2 * 3 ** 2, -3 ** 2 * 2, 10 // 3 * 3 + 10 % 3)
print("a" + "b" * 3, ("a" + "b") * 3, "x" in "xyz" and "y" in "xyz", not "q" in "abc")
log = []
def t(name, value):
    log.append(name)
    return value
result = t("a", 0) or t("b", "") or t("c", "hit") or t("d", "never")
print(result, log)
log.clear()
result = t("a", 1) and t("b", [1]) and t("c", 0) and t("d", "never")
print(result, log)
log.clear()
print(t("x", 1) if t("cond", False) else t("y", 2), log)
x = 15
print("fizz" * (x % 3 == 0) + "buzz" * (x % 5 == 0) or x)
print(True + True + True, (x > 10) * 100, sum(c.isupper() for c in "HeLLo"))
print(None if None else "None is falsy", 0.0 or -0.0 or "zeros are falsy")
