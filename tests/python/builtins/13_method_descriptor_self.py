for f, a in [(list.append, ()), (list.append, (1, 2)), (dict.get, ()), (dict.get, (5, 1)), (str.upper, ()), (str.upper, (3,)), (list.append, ([],))]:
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
import collections
for f, a in [(tuple.index, ()), (tuple.count, ("ab", 1)), (bytearray.append, ()), (bytearray.append, (b"x", 1)), (collections.deque.append, ()), (collections.deque.append, ([], 1)), (set.add, ([], 1)), (int.bit_length, ())]:
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
print(str.upper("ab"), list.__len__([1]))
