def handle(event):
    match event:
        case {"kind": "click", "pos": (x, y)}:
            return 100 / x + y
        case _:
            return None
print(handle({"kind": "click", "pos": (2, 1)}))
print(handle({"kind": "click", "pos": (0, 1)}))
