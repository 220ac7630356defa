# An exception inside a lambda applied lazily by map, surfaced by list().
values = ["10", "20", "thirty"]
numbers = map(lambda s: int(s), values)
print("map created")
print(list(numbers))
