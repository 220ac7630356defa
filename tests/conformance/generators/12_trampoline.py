# A trampoline: generators "call" sub-generators by yielding them; a driver keeps a stack.
def add(a, b):
    yield None
    return a + b


def fib(n):
    if n < 2:
        return n
        yield
    a = yield fib(n - 1)
    b = yield fib(n - 2)
    total = yield add(a, b)
    return total


def run(gen):
    stack, value, depth_max = [gen], None, 0
    while stack:
        depth_max = max(depth_max, len(stack))
        try:
            request = stack[-1].send(value)
        except StopIteration as stop:
            stack.pop()
            value = stop.value
            continue
        if request is None:
            value = None
        else:
            stack.append(request)
            value = None
    return value, depth_max


print(run(fib(10)))
print(run(fib(1)))
