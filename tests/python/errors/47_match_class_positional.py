class Shape:
    pass

def area(s):
    match s:
        case Shape(w, h):
            return w * h
print(area(Shape()))
