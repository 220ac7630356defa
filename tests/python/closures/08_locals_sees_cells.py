def f(a):
    x = 1
    def g():
        return x + a
    print(sorted(locals()))
    def h():
        print(sorted(locals()), x)
    h()
f(2)
