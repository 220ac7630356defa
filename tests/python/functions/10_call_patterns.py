# Call patterns: callbacks, dispatch tables, functions returning functions, argument forwarding.
def on_event(handlers, event, *args, **kwargs):
    results = []
    for h in handlers.get(event, []):
        results.append(h(*args, **kwargs))
    return results
handlers = {
    "greet": [lambda name, **kw: f"hi {name}", lambda name, punct="!": f"hello {name}{punct}"],
    "sum": [lambda *n: sum(n)],
}
print(on_event(handlers, "greet", "ann"), on_event(handlers, "greet", "bob", punct="?"))
print(on_event(handlers, "sum", 1, 2, 3), on_event(handlers, "missing"))
def calculator(op):
    table = {
        "add": lambda a, b: a + b,
        "sub": lambda a, b: a - b,
        "pow": pow,
        "max": max,
    }
    return table.get(op, lambda *a: None)
print([calculator(op)(2, 5) for op in ["add", "sub", "pow", "max", "nope"]])
def forward(fn):
    def inner(*args, **kwargs):
        return ("forwarded", fn(*args, **kwargs))
    return inner
print(forward(sorted)([3, 1, 2], reverse=True), forward(dict)(a=1), forward(print)("printed inside"))
def retry(times):
    def deco(fn):
        def wrapper(*args):
            last = None
            for attempt in range(1, times + 1):
                try:
                    return fn(attempt, *args)
                except ValueError as e:
                    last = e
                    print(f"attempt {attempt} failed: {e}")
            return f"gave up: {last}"
        return wrapper
    return deco
@retry(3)
def unstable(attempt, target):
    if attempt < target:
        raise ValueError(f"need {target}")
    return f"ok on {attempt}"
print(unstable(2))
print(unstable(5))
def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run
print(compose(str, abs, lambda v: v - 10)(3), compose()(7))
