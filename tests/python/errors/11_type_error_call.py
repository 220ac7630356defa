# TypeError for a wrong argument count, raised at the call site.
def area(width, height):
    return width * height

print(area(2, 3))
print(area(2))
