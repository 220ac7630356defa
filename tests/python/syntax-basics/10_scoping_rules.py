# Name resolution: local, enclosing, global, builtin; UnboundLocalError.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer())
def local():
    x = "local"
    return x
print(local(), x)
def uses_builtin():
    return len("abcd")
print(uses_builtin())
def shadow_builtin():
    len = lambda s: -1
    return len("abc")
print(shadow_builtin(), len("abc"))
def broken():
    print(x)
    x = 1
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def missing():
    return undefined_name
try:
    missing()
except NameError as e:
    print("NameError:", e)
class K:
    attr = "class attr"
    def method(self):
        try:
            return attr
        except NameError as e:
            return "NameError: " + str(e)
print(K().method())
y = 1
def gl():
    global y
    y = 2
gl()
print(y)
def cond(flag):
    if flag:
        v = "set"
    return v
print(cond(True))
try:
    cond(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
