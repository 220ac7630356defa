# An uncaught exception: traceback with caret markers on stderr.
def divide(a, b):
    return a / b

def compute(values):
    total = 0
    for v in values:
        total += divide(10, v)
    return total

print("start")
compute([1, 2, 0])
