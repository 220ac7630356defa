# TypeError from building a set of lists.
rows = [[1, 2], [3, 4]]
unique = set(rows)
