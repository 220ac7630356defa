# Stores between locals, tuple displays and pair unpacking: the dispatch runs these together
# (a load and its store, a pair's unpack and both stores); each must behave as the separate
# instructions do.


def copies():
    y = [1]
    x = 0
    x = y
    y.append(2)
    print(x, x is y)
    f = 1.5
    x = f
    print(x)
    n = None
    x = n
    print(x)


def unbound_source():
    try:
        x = y  # noqa: F821
        y = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


def pairs():
    t = (1, "two")
    a, b = t
    print(a, b)
    t, b = t
    print(t, b)
    a, a = (3, 4)
    print(a)
    lst = [5, 6]
    a, b = lst
    print(a, b)
    for t in [(1, 2), (3,), (4, 5, 6), "ab", 7]:
        try:
            a, b = t
            print("unpacked", a, b)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


def displays():
    i = 3
    x = (i, i)
    print(x)
    x = (i, [i])
    print(x)
    x = (x, x)
    print(x)
    out = []
    for i in range(3):
        x = (i, i * i)
        out.append(x)
    print(out)


async def coro():
    pass


def dropped():
    # Each overwrite drops a never-awaited coroutine: the warning names the line that dropped it.
    a = coro()
    b = 1
    a = b
    t = (1, 2)
    x = coro()
    x, y = t
    z = coro()
    z = (b, y)
    print(a, x, y, z)


copies()
unbound_source()
pairs()
displays()
dropped()
