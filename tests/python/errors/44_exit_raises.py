# __exit__ itself raises while handling the body's exception: both appear, chained.
class Lock:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        raise RuntimeError("release failed")

with Lock():
    items = []
    first = items[0]
