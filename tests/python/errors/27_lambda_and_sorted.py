# An exception inside a key function called by sorted.
people = [{"name": "ann", "age": 30}, {"name": "bob"}]
ordered = sorted(people, key=lambda p: p["age"])
