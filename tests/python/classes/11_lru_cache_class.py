# An LRU cache built on dict insertion order, with hit/miss statistics.
class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = 0
    def get(self, key, default=None):
        if key in self.data:
            self.hits += 1
            value = self.data.pop(key)
            self.data[key] = value
            return value
        self.misses += 1
        return default
    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            print(f"  evict {oldest!r}")
            del self.data[oldest]
        self.data[key] = value
    def __len__(self):
        return len(self.data)
    def __contains__(self, key):
        return key in self.data
    def __repr__(self):
        return f"LRU({list(self.data.items())}, hits={self.hits}, misses={self.misses})"
cache = LRU(3)
for k in "abc":
    cache.put(k, k.upper())
print(cache)
print(cache.get("a"), cache.get("z", "-"))
cache.put("d", "D")
print(cache, "b" in cache, len(cache))
cache.put("c", "C2")
cache.put("e", "E")
print(cache)
def fib_with(cache, n):
    hit = cache.get(n)
    if hit is not None:
        return hit
    value = n if n < 2 else fib_with(cache, n - 1) + fib_with(cache, n - 2)
    cache.put(n, value)
    return value
small = LRU(4)
print(fib_with(small, 15), small.hits, small.misses, len(small))
