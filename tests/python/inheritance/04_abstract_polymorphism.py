# Polymorphism through overriding; a NotImplementedError-based abstract base.
class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
    def describe(self):
        return f"{type(self).__name__} area={self.area():.2f}"
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Blob(Shape):
    pass
shapes = [Circle(1), Rect(2, 3), Circle(0.5), Blob()]
for s in shapes:
    try:
        print(s.describe())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
print(sorted(shapes[:3], key=lambda s: s.area())[0].describe())
print(sum(s.area() for s in shapes[:3]))
class Employee:
    raise_rate = 1.05
    def __init__(self, name, pay):
        self.name, self.pay = name, pay
    def apply_raise(self):
        self.pay = int(self.pay * self.raise_rate)
class Developer(Employee):
    raise_rate = 1.10
    def __init__(self, name, pay, lang):
        super().__init__(name, pay)
        self.lang = lang
class Manager(Employee):
    def __init__(self, name, pay, reports=None):
        super().__init__(name, pay)
        self.reports = reports or []
    def add(self, e):
        if e not in self.reports:
            self.reports.append(e)
dev = Developer("ann", 1000, "py")
mgr = Manager("bob", 2000)
mgr.add(dev)
mgr.add(dev)
for e in (dev, mgr):
    e.apply_raise()
    print(e.name, e.pay, type(e).__name__)
print([r.name for r in mgr.reports], isinstance(mgr, Employee), isinstance(mgr, Developer))
