# finally always runs: on return, break, continue, exception, nested functions.
def f1():
    try:
        return "try value"
    finally:
        print("f1 finally")
def f2():
    x = "before"
    try:
        return x
    finally:
        x = "changed"
def f3():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows exception"
def f4():
    result = []
    for i in range(3):
        try:
            if i == 1:
                continue
            result.append(i)
        finally:
            result.append(f"fin{i}")
    return result
def f5():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(f1())
print(f2())
print(f3())
print(f4())
print(f5())
def f6():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling")
        return "from except"
    finally:
        print("finally after except")
print(f6())
def f7(n):
    while True:
        try:
            n -= 1
            if n < 0:
                break
        finally:
            print("tick", n)
    return n
print(f7(2))
count = 0
def f8():
    global count
    try:
        count += 1
        raise KeyError("propagates")
    finally:
        count += 10
try:
    f8()
except KeyError as e:
    print("propagated", e, count)
