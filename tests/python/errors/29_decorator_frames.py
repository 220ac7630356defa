# The traceback passes through a decorator's wrapper frame.
def logged(fn):
    def wrapper(*args):
        print("calling", fn.__name__)
        return fn(*args)
    return wrapper

@logged
def divide(a, b):
    return a / b

print(divide(6, 3))
print(divide(1, 0))
