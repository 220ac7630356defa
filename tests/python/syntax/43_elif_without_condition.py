values = {1: "a", 2: "b"}
for k, v in values.items():
    if k == 1:
        print(v)
    elif:
        print("other")
