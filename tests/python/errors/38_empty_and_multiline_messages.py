# An exception with no message, after one with a multi-line message is caught and printed.
try:
    raise RuntimeError("first line\nsecond line")
except RuntimeError as e:
    print(e)

def fail():
    raise ValueError()

fail()
