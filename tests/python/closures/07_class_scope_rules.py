# Class bodies are not enclosing scopes for methods; closures inside methods see method locals.
x = "global"
class A:
    x = "class attr"
    def method(self):
        return x
    def uses_self(self):
        return self.x
    lam = lambda self: x
print(A().method(), A().uses_self(), A().lam())
def outer():
    y = "outer local"
    class Inner:
        y = "class y"
        def get(self):
            return y
        z = y
    return Inner().get(), Inner.z
print(outer())
class Counter:
    def __init__(self):
        self.n = 0
    def make_incrementer(self, step):
        def inc():
            self.n += step
            return self.n
        return inc
c = Counter()
inc2 = c.make_incrementer(2)
inc5 = c.make_incrementer(5)
print(inc2(), inc5(), inc2(), c.n)
def method_factory():
    def shared(self):
        return f"shared by {type(self).__name__}"
    class One:
        describe = shared
    class Two:
        describe = shared
    return One(), Two()
one, two = method_factory()
print(one.describe(), two.describe())
class WithSuper(Counter):
    def make_incrementer(self, step):
        base = super().make_incrementer(step * 10)
        def wrapped():
            return ("wrapped", base())
        return wrapped
w = WithSuper()
print(w.make_incrementer(1)(), w.n)
def counter_class():
    count = 0
    class C:
        def bump(self):
            nonlocal count
            count += 1
            return count
    return C
C = counter_class()
print(C().bump(), C().bump(), counter_class()().bump())
