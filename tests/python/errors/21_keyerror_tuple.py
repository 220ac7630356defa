# KeyError with a tuple key and a dict lookup in a comprehension.
grid = {(0, 0): "a", (0, 1): "b"}
cells = [grid[(0, c)] for c in range(3)]
