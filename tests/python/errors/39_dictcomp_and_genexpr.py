# Errors inside a dict comprehension and a generator expression show their own frames.
prices = {"a": "1.5", "b": "2", "c": "n/a"}
try:
    parsed = {k: float(v) for k, v in prices.items()}
except ValueError as e:
    print("caught:", e)

total = sum(int(v) for v in prices.values())
