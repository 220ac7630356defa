import collections
counts = collections.Counter("abc")
print(counts.most_comon(1))
