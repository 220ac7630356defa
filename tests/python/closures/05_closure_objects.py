# Closures as lightweight objects: a bank account and a dispatch table.
def account(owner, balance=0):
    history = []
    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            raise ValueError("amount must be positive")
        balance += amount
        history.append(("deposit", amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError(f"insufficient funds: {balance} < {amount}")
        balance -= amount
        history.append(("withdraw", amount))
        return balance
    def report():
        return f"{owner}: {balance} after {len(history)} ops {history}"
    return {"deposit": deposit, "withdraw": withdraw, "report": report}
acct = account("ann", 10)
print(acct["deposit"](5), acct["withdraw"](12))
for op, amt in [("withdraw", 100), ("deposit", -1), ("deposit", 7)]:
    try:
        print(op, amt, "->", acct[op](amt))
    except ValueError as e:
        print(op, amt, "-> ValueError:", e)
print(acct["report"]())
other = account("bob")
print(other["report"](), acct["report"]() != other["report"]())
def pipeline(*steps):
    def run(x):
        for step in steps:
            x = step(x)
        return x
    return run
p = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(p("  Hello World  "))
def make_stack():
    items = []
    return items.append, items.pop, lambda: len(items)
push, pop, size = make_stack()
push(1); push(2); push(3)
print(pop(), size(), pop(), pop(), size())
