# Class bodies run once, top to bottom; __name__/__qualname__/__doc__/__dict__ basics.
print("before class")
class Config:
    """Holds settings."""
    print("class body runs")
    DEBUG = False
    LEVELS = ["low", "high"]
    default_level = LEVELS[0]
    def show(self):
        return f"{self.default_level} debug={self.DEBUG}"
    print("class body ends", default_level)
print("after class")
print(Config.__name__, Config.__qualname__, Config.__doc__, Config.__module__)
print(Config().show(), Config.default_level)
print(sorted(k for k in Config.__dict__ if not k.startswith("__")))
class Empty:
    pass
print(Empty.__doc__, Empty.__name__, Empty().__class__ is Empty)
def factory(kind):
    class Made:
        label = kind
        def describe(self):
            return f"Made({self.label})"
    return Made
A = factory("a")
B = factory("b")
print(A().describe(), B().describe(), A is B, A.__qualname__)
class Chain:
    def __init__(self):
        self.ops = []
    def add(self, n):
        self.ops.append(("add", n))
        return self
    def mul(self, n):
        self.ops.append(("mul", n))
        return self
    def run(self, start):
        for op, n in self.ops:
            start = start + n if op == "add" else start * n
        return start
print(Chain().add(2).mul(10).add(1).run(0))
