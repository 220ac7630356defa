counter = 0
def bump():
    return countr + 1
try:
    bump()
except NameError as e:
    print("str has no hint:", e)
prnt("hello")
