# min, max (key, default), sum (start), sorted (key, reverse, stability).
print(max(3, 1, 2), max([3, 1, 2]), max("abc"), max([1, 5], [2]), max((1, "b"), (1, "a")))
print(min(3, 1, 2), min([]  , default="empty"), max([], default=None), min([4], default=0))
words = ["pear", "fig", "banana", "kiwi"]
print(max(words, key=len), min(words, key=len), max(words, key=lambda w: w[-1]))
print(max([2, 3, 3.0], key=int), min(["b", "A", "a"], key=str.lower))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print("TypeError:", e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1, 0.2]), sum([[1], [2]], []), sum(range(101)), sum([], 0.0))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted({3: 1, 1: 2}))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[1], reverse=True))
print(sorted(words, key=lambda w: (len(w), w)), sorted(words, key=len, reverse=True))
print(sorted([-3, 2, -1], key=abs), sorted([1.5, -2, 0]), sorted([True, False, 0, 1]))
nums = [5, 2, 8]
s = sorted(nums)
print(nums, s, s is nums)
try:
    sorted([1, 2], key=lambda x: None)
except TypeError as e:
    print("TypeError:", e)
