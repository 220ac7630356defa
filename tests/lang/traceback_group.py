def fail(n):
    raise ValueError(f"bad {n}")

def run():
    errors = []
    for i in range(2):
        try:
            fail(i)
        except ValueError as e:
            errors.append(e)
    try:
        {}["k"]
    except KeyError as e:
        errors.append(e)
    raise ExceptionGroup("several failures", errors + [ExceptionGroup("inner", [TypeError("t")])])

run()
