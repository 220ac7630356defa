# A bare object() has no __dict__: students use one as a sentinel and cannot hang names on it.
哨兵 = object()
try:
    哨兵.名字 = "x"
except AttributeError as e:
    print(e)
try:
    setattr(object(), "x", 1)
except AttributeError as e:
    print(e)
print(哨兵 is 哨兵, 哨兵 == object(), type(哨兵).__name__)
try:
    del 哨兵.x
except AttributeError as e:
    print(e)
try:
    print(哨兵.__dict__)
except AttributeError as e:
    print(e)
