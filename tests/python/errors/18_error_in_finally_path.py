# The finally block runs, then the exception propagates.
def risky():
    try:
        print("working")
        return {}["k"]
    finally:
        print("cleanup done")

risky()
