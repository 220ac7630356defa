def total(items):
    sum_ = 0
    for it in items:
        sum_ += it
    return summ
print(total([1, 2]))
