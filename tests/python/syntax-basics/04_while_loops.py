# while, while/else, break, continue, nested loops.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("i =", i)
else:
    print("while finished normally")

n = 0
while True:
    n += 1
    if n > 3:
        break
print("n after break:", n)

k = 10
while k > 0:
    k -= 3
    if k == 4:
        print("found 4")
        break
else:
    print("no break at", k)

k = 10
while k > 0:
    k -= 3
    if k == 5:
        break
else:
    print("else runs, k =", k)

outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            inner += 1
            continue
        print(outer, inner)
        inner += 1
    outer += 1

x = 100
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps:", steps)
while False:
    print("never")
else:
    print("else of an empty while")
