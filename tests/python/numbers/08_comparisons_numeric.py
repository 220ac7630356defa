# Comparisons across numeric types, sorting numbers, min/max with mixed types.
print(1 < 2.5, 2.5 < 3, 3 == 3.0, 3 != 3.5, -1 < -0.5)
print(True < 2, False == 0.0, 1.0 <= True)
nums = [3, -1.5, 2, 0, 7.25, -4, 2.0, 1e3]
print(sorted(nums))
print(sorted(nums, reverse=True))
print(max(nums), min(nums), sorted(nums, key=abs))
print(float("inf") > 10 ** 18, -float("inf") < -(10 ** 18))
nan = float("nan")
print(nan < 1, nan > 1, nan == 1, 1 < nan)
print(max(1, 2, 3, key=lambda x: -x), min("10", "9", key=int))
print(sorted([3, 1, 2]) == [1, 2, 3], [1, 2] < [1, 3], (1, 2) < (1, 2, 0), [2] > [1, 9])
print((1, "a") < (1, "b"), (0, 5) < (1, -5))
print(abs(-7) == 7 == abs(7))
print(10 ** 18 < 2 ** 62 * 1.0)
print(0.1 * 3 == 0.3, 0.5 * 2 == 1, 1 / 10 == 0.1)
print([x for x in range(10) if 3 <= x * 1.5 < 9])
for a, b in [(1, 1.0), (0, -0.0), (2, 2.000001)]:
    print(a, b, a == b, a < b, a > b)
