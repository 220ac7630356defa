import bisect
from bisect import bisect_left, bisect_right, insort, insort_left

a = [1, 2, 2, 2, 3, 5, 8]
print([bisect_left(a, x) for x in range(10)], [bisect_right(a, x) for x in range(10)], bisect.bisect(a, 2))
print(bisect_left(a, 2, 2), bisect_right(a, 2, 0, 3), bisect_left(a, 9, hi=3), bisect_left([], 1))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(b, x)
print(b)
insort_left(b, 5)
bisect.insort_right(b, 5.0)
print(b)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect_left(recs, 3, key=lambda r: r[1]), bisect_right(recs, 3, key=lambda r: r[1]))
insort(recs, ("z", 4), key=lambda r: r[1])
print(recs)
for bad in [lambda: bisect_left(a, 1, -1), lambda: bisect_left(5, 1), lambda: bisect_left([1, "a"], 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
