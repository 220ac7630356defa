# f-string conversions !r !s !a and = debugging.
name = "Ann"
n = 42
items = ["a", 1, None]
print(f"{name}", f"{name!r}", f"{name!s}", f"{name!a}")
print(f"{items}", f"{items!r}", f"{items!s}")
print(f"{'é'!a}", f"{'中'!r}")
print(f"{n=}", f"{name=}", f"{n + 1=}", f"{n = }", f"{name=!s}", f"{n=:5}")
class P:
    def __str__(self):
        return "P-str"
    def __repr__(self):
        return "P-repr"
p = P()
print(f"{p}", f"{p!r}", f"{p!s}", f"{[p]}", f"{p=}")
print(f"{{literal braces}}", f"{{{n}}}", f"{'{'}")
print(f"{n!r:>6}|", f"{name!r:^10}|", f"{name!s:<7}|")
print(f"{None}", f"{True}", f"{3.0}", f"{1e20}", f"{-0.0}")
print(f"{n}" f"{name}" "plain", f'{"double inside single"}')
print(f"{'nested' + ' expr'}", f"{len(items)}", f"{items[0]}", f"{ {'k': 1}['k'] }")
print(f"{n if n > 10 else 0}", f"{(lambda x: x * 2)(3)}", f"{[i * i for i in range(4)]}")
print(f"""triple {name}
second line {n}""")
print(rf"raw \n {n}", fr"{name}\t")
x = 3.14159
width, prec = 10, 3
print(f"{x:{width}.{prec}f}|", f"{x:>{width}}|", f"{name:{'*'}^{width}}|")
d = {"a": 1}
print(f"{d['a']}", f"{d!r}")
