# __del__ runs when the last reference dies: end of a call, rebinding, del of a list (last item first),
# a subclass's __del__ chains to its base's, it runs once even if it resurrects the object.
class A:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f():
    a = A(1)
    print("in f")
f()
print("after f")
b = A(2)
b = None
print("after b")
x = [A(3), A(4)]
del x
print("after x")
class B(A):
    def __del__(self):
        print("B del", self.n)
        super().__del__()
B(5)
print("after B")
keep = []
class R:
    def __del__(self):
        print("resurrect")
        keep.append(self)
R()
print(len(keep))
keep.clear()
print("cleared")
g = A(6)
print("end")
