# A ValueError from a module function, raised inside a helper.
import math

def distance(a, b):
    return math.sqrt(a - b)

print(distance(9, 5))
print(distance(5, 9))
