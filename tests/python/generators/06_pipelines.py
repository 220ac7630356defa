# Generator pipelines: producer -> filters -> consumer, with laziness visible in the log.
def numbers(limit):
    for n in range(limit):
        print(f"  produce {n}")
        yield n
def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n
def squared(source):
    for n in source:
        yield n * n
def take(n, source):
    for i, v in enumerate(source):
        if i >= n:
            return
        yield v
pipeline = take(2, squared(evens(numbers(10))))
print("pipeline built")
for v in pipeline:
    print("consumed", v)
def grep(pattern, lines):
    return (line for line in lines if pattern in line)
def numbered(lines):
    for i, line in enumerate(lines, 1):
        yield f"{i}: {line}"
text = ["alpha beta", "gamma", "beta delta", "epsilon beta"]
print(list(numbered(grep("beta", text))))
def window(seq, size):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)
print(list(window(range(6), 3)))
def moving_average(seq, size):
    for w in window(seq, size):
        yield sum(w) / size
print(list(moving_average([1, 2, 3, 4, 5, 6], 2)))
def batched(seq, n):
    batch = []
    for x in seq:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched("abcdefg", 3)))
def roundrobin(*iterables):
    iters = [iter(it) for it in iterables]
    while iters:
        for it in list(iters):
            try:
                yield next(it)
            except StopIteration:
                iters.remove(it)
print(list(roundrobin("abc", "d", "ef")))
