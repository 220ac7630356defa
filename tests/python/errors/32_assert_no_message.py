# A bare assert failure.
def mean(values):
    assert values
    return sum(values) / len(values)

print(mean([1, 2, 3]))
print(mean([]))
