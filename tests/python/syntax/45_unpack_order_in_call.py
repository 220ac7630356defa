def f(*a, **k):
    pass
kw = {}
args = []
f(**kw, *args)
