# printf-style % formatting in detail.
print("%s|%r|%a" % ("é", "é", "é"))
print("%d|%i|%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42, 42, 42))
print("%f|%.2f|%10.3f|%-10.1f|%e|%.2E|%g|%G" % (3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 0.000314, 0.0001, 1e-10))
print("%x|%X|%#x|%o|%#o|%c|%c" % (255, 255, 255, 8, 8, 65, "z"))
print("%%|%5s|%-5s|%.2s|%5.1s|" % ("ab", "ab", "abc", "xyz"))
print("%(a)s-%(b)05.1f" % {"a": "key", "b": 2.345})
print("%s" % (1,), "%s" % [1, 2], "%s %s" % (None, True), "%d%%" % 50)
print("%*d|%-*d|%.*f" % (6, 1, 4, 2, 3, 2.71828))
print("%s" % "only", "%r" % 3.0, "%d" % 3.99, "%d" % True, "%f" % 1)
print("%5.2f%%" % 12.345, "%.0f" % 0.5, "%.0f" % 1.5, "%.0f" % 2.5)
print("%c%c%c" % (20013, 25991, 33), "%10s|" % "中文", "%-4s|" % "字")
for bad in [("%d", "x"), ("%s %s", ("a",)), ("%(k)s", ("tuple",)), ("%z", 1), ("%c", "ab")]:
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)
