# Expressions inside f-strings: calls, methods, nesting, quotes, dict access.
users = [{"name": "ann", "score": 91.5}, {"name": "bob", "score": 78.25}]
for u in users:
    print(f"{u['name'].title():>6}: {u['score']:6.2f} {'pass' if u['score'] >= 80 else 'fail'}")
print(f"{', '.join(u['name'] for u in users)}")
print(f"{sum(u['score'] for u in users) / len(users):.3f}")
nums = [3, 1, 2]
print(f"{sorted(nums)} {max(nums)} {nums[-1]} {nums[::-1]} {len(nums) * 2}")
a, b = 7, 3
print(f"{a}+{b}={a + b} {a}//{b}={a // b} {a}%{b}={a % b} {a / b:.4f}")
print(f"{'inner {braces}'}", f"{'a' 'b'}", f"{'tab':>5}")
print(f"{f'{a}'}", f"{f'{a:>{b}}'}|", f"{a!r}{b!r}")
def greet(name, punct="!"):
    return f"Hello, {name}{punct}"
print(f"{greet('x')} / {greet('y', '?')}")
print(f"{(a, b)}", f"{a, b}", f"{[a, b]}", f"{ {a: b} }")
print(f"{a:{'>'}{b + 2}}|", f"{3.14159:.{b}f}")
print(f"{'%d' % a}", f"{str(a).zfill(4)}", f"{a:04}")
x = None
print(f"{x or 'default'}", f"{x is None}", f"{not x}")
msg = "wide"
print(f"{msg:~^{len(msg) * 3}}")
print(f"{3 * '='}{'title':^9}{3 * '='}")
print(f"{1_000_000:,}", f"{0xFF}", f"{0b101:04b}")
lst = [1.5, 2.25, 10.0]
print(" ".join(f"{v:>6.2f}" for v in lst))
print(f"{'yes' if all(v > 1 for v in lst) else 'no'}", f"{any(v > 9 for v in lst)}")
