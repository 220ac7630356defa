# List methods and their return values.
lst = [3, 1, 4]
print(lst.append(1), lst)
lst.extend([5, 9])
print(lst)
lst.insert(0, 2)
lst.insert(100, 6)
lst.insert(-1, 8)
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
lst.remove(1)
print(lst, lst.index(4), lst.count(1), lst.count(7))
try:
    lst.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    lst.index(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst)
lst.reverse()
print(lst)
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
c = lst.copy()
c.append(0)
print(lst, c)
c.clear()
print(c, len(c))
print([1, 2] + [3], [0] * 3, [[0] * 2] * 2, 3 in [1, 2, 3], [1, [2]] == [1, [2]])
print(list(), list("ab"), list(range(3)), list((1, 2)), list({"k": 1}))
nested = [[1, 2], [3]]
shallow = nested[:]
shallow[0].append(99)
print(nested, shallow is nested)
print(sorted([3, 1, 2]), lst.index(4, 1) if 4 in lst[1:] else "-")
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    [][0]
except IndexError as e:
    print("IndexError:", e)
x = [1, 2, 3]
x[-1] = 30
print(x, x[-3], len(x))
