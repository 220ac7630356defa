# Slicing with all sign/step combinations on strings, lists and tuples.
s = "abcdefghij"
cases = [(None, None, None), (2, None, None), (None, 3, None), (2, 8, 2), (-3, None, None), (None, -3, None),
         (-1, None, -1), (None, None, -2), (8, 2, -1), (8, 2, -3), (2, 8, -1), (-2, -8, -2), (100, None, None),
         (-100, 3, None), (None, None, 3), (5, 5, None), (3, 1, None), (None, 100, 4), (-100, 100, 1)]
for a, b, c in cases:
    print(a, b, c, repr(s[a:b:c]), list(range(10))[a:b:c], tuple(s)[a:b:c][:3])
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
print(s[slice(1, 4)], s[slice(None, None, -3)], slice(1, 5, 2))
lst = list(range(10))
lst[2:5] = ["a", "b"]
print(lst)
lst[::3] = [None] * len(lst[::3])
print(lst)
try:
    lst[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
lst[:] = []
print(lst)
lst = [1, 2, 3]
lst[1:1] = [9, 9]
print(lst)
lst[len(lst):] = [4]
print(lst)
print("hello"[-5:-3], "hello"[4:0:-1], "hello"[-1:-6:-1])
