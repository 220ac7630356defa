# Nothing runs when the file has a syntax error.
print("this must not be printed")

def ok():
    return 1

def broken():
    x = [1, 2
    return x
