# NameError inside a function called from module level.
def greet():
    print("hello", nmae)

greet()
