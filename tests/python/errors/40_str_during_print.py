# An exception raised by __str__ while print() converts the object.
class Broken:
    def __init__(self, parts):
        self.parts = parts

    def __str__(self):
        return "/".join(self.parts)

print(Broken(["a", "b"]))
print(Broken(["a", 2]))
