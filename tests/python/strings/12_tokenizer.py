# A tiny arithmetic tokenizer and evaluator (shunting-yard) over strings.
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif ch in "+-*/()^%":
            tokens.append(("op", ch))
            i += 1
        else:
            raise SyntaxError(f"unexpected {ch!r} at {i}")
    return tokens
PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2, "^": 3}
def to_rpn(tokens):
    out, stack = [], []
    for kind, val in tokens:
        if kind == "num":
            out.append(val)
        elif val == "(":
            stack.append(val)
        elif val == ")":
            while stack[-1] != "(":
                out.append(stack.pop())
            stack.pop()
        else:
            while stack and stack[-1] != "(" and (PREC[stack[-1]] > PREC[val] or (PREC[stack[-1]] == PREC[val] and val != "^")):
                out.append(stack.pop())
            stack.append(val)
    return out + stack[::-1]
def evaluate(rpn):
    st = []
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
           "/": lambda a, b: a / b, "%": lambda a, b: a % b, "^": lambda a, b: a ** b}
    for t in rpn:
        if isinstance(t, str):
            b, a = st.pop(), st.pop()
            st.append(ops[t](a, b))
        else:
            st.append(t)
    return st[0]
for expr in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "10 / 4", "7 % 3 + 0.5", "((2))", "1 / 0", "3 $ 4"]:
    try:
        rpn = to_rpn(tokenize(expr))
        print(f"{expr:<12} -> {rpn} = {evaluate(rpn)}")
    except ZeroDivisionError as e:
        print(f"{expr:<12} -> ZeroDivisionError: {e}")
    except SyntaxError as e:
        print(f"{expr:<12} -> SyntaxError: {e}")
