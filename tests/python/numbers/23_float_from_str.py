# float(str) follows the literal grammar: underscores only between digits, Unicode decimal
# digits and whitespace accepted (the int() rules).
for s in ["1__0", "١.٥", " 1_0.5 ", "_1"]:
    try: print(float(s))
    except ValueError as e: print(e)
for s in ["inf", "-Infinity", " nan ", "\u3000 2.5\n", "1e5", "1_000.000_1", "0x10", "", "1.5e", "+.5", "-5.", "infinit", "1e500", "-1e-500", "١٢٣"]:
    try: print(repr(float(s)))
    except ValueError as e: print(e)
