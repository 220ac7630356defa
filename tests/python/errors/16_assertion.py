# A failing assert with a message.
def check(values):
    assert all(v >= 0 for v in values), f"negative value in {values}"
    return sum(values)

print(check([1, 2]))
print(check([1, -2]))
