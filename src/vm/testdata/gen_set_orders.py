"""Generates set_orders.txt: random set operations run on CPython 3.11, with list(s) after each.

Run with CPython 3.11: python3 gen_set_orders.py > set_orders.txt
Line formats:
  K <hash>                      a key of the universe (keys are numbered from 0 in file order)
  C <case>                      a new case: sets 0..3 start empty
  <op> <args...> | <popped> | <order>   an operation, the key pop() returned (or -), and the
                                target set's order as key numbers, or #<fingerprint> for
                                huge sets (sum of (position+1)*(key+1) mod 2**61-1).
"""
import random
import sys

random.seed(20261121)
universe = []
universe += list(range(-40, 80))
universe += [8 * i for i in range(10, 60)] + [32 * i for i in range(3, 40)] + [1024 * i for i in range(1, 20)]
universe += [2**61 - 1 - i for i in range(5)] + [2**64 + i for i in range(5)] + [-(2**62) - i for i in range(5)]
universe += [i + 0.5 for i in range(-10, 30)] + [i / 7 for i in range(1, 15)] + [1e10 + 0.25, -3.75e-5]
universe += [(i, j) for i in range(6) for j in range(5)] + [(i, (i, -i)) for i in range(8)] + [(), ("",)]
# duplicates by equality (e.g. 3 and 3.0) would make "same key" ambiguous; keep them distinct
seen = set()
uni = []
for k in universe:
    if k not in seen:
        seen.add(k)
        uni.append(k)
universe = uni
index = {k: i for i, k in enumerate(universe)}
out = []
for k in universe:
    out.append(f"K {hash(k)}")

def order(s):
    return " ".join(str(index[k]) for k in s)

def fp(s):
    return "#" + str(sum((p + 1) * (index[k] + 1) for p, k in enumerate(s)) % (2**61 - 1))

ops = ["add"] * 8 + ["discard"] * 4 + ["pop"] * 3 + ["clear", "new", "newd", "upd", "updd", "copy", "merge",
       "or", "and", "sub", "xor", "iand", "isub", "ixor", "lit"]
NCASES = 400
for case in range(NCASES):
    out.append(f"C {case}")
    S = [set(), set(), set(), set()]
    pool = random.sample(universe, random.choice([6, 12, 25, 60, 150, len(universe)]))
    nops = random.choice([10, 30, 60])
    for _ in range(nops):
        op = random.choice(ops)
        a = random.randrange(4)
        b, c = random.sample([x for x in range(4)], 2)
        popped = "-"
        def keys(lo=0, hi=30):
            return [random.choice(pool) for _ in range(random.randint(lo, hi))]
        if op == "add":
            ks = keys(1, 12)
            for k in ks:
                S[a].add(k)
            args = [a] + [index[k] for k in ks]
        elif op == "discard":
            ks = keys(1, 8)
            if S[a] and random.random() < 0.7:
                ks += random.sample(sorted(S[a], key=lambda k: index[k]), min(len(S[a]), random.randint(1, 6)))
            for k in ks:
                S[a].discard(k)
            args = [a] + [index[k] for k in ks]
        elif op == "pop":
            try:
                popped = str(index[S[a].pop()])
            except KeyError:
                popped = "-"
            args = [a]
        elif op == "clear":
            S[a].clear()
            args = [a]
        elif op in ("new", "newd", "upd", "updd", "lit"):
            ks = keys(0, random.choice([10, 40, 120]))
            src = dict.fromkeys(ks) if op in ("newd", "updd") else (frozenset(ks) if op == "lit" else ks)
            if op in ("new", "newd"):
                S[a] = set(src)
            elif op == "lit":
                S[a] = set()
                S[a].update(src)
            else:
                S[a].update(src)
            args = [a] + [index[k] for k in ks]
        elif op == "copy":
            S[a] = S[b].copy()
            args = [a, b]
        elif op == "merge":
            S[a] = S[a]
            if a == b:
                continue
            S[a] |= S[b]
            args = [a, b]
        elif op in ("or", "and", "sub", "xor"):
            x, y = S[b], S[c]
            S[a] = {"or": x.__or__, "and": x.__and__, "sub": x.__sub__, "xor": x.__xor__}[op](y)
            args = [a, b, c]
        elif op in ("iand", "isub", "ixor"):
            if a == b:
                continue
            if op == "iand":
                S[a] &= S[b]
            elif op == "isub":
                S[a] -= S[b]
            else:
                S[a] ^= S[b]
            args = [a, b]
        out.append(f"{op} {' '.join(map(str, args))} | {popped} | {order(S[a])}")

# Huge sets cross the used > 50000 growth rule. Their keys are ints from a formula, so the
# lines name no keys; the Rust test rebuilds them.
out.append("C big")

def bigfp(s):
    return "#" + str(sum((p + 1) * (k + 1000001) for p, k in enumerate(s)) % (2**61 - 1))

big = [(i * 48271) % 2000003 - 1000000 for i in range(70000)]
S = [set(), set(), set(), set()]
for k in big:
    S[0].add(k)
for k in big[:1000]:
    S[0].add(k)
out.append(f"bigadd 0 | - | {bigfp(S[0])}")
for k in big[::3]:
    S[0].discard(k)
out.append(f"bigdiscard 0 | - | {bigfp(S[0])}")
S[1] = S[0].copy()
out.append(f"copy 1 0 | - | {bigfp(S[1])}")
S[2] = set(big[:40000])
out.append(f"bignew 2 | - | {bigfp(S[2])}")
S[3] = S[2] ^ S[0]
out.append(f"xor 3 2 0 | - | {bigfp(S[3])}")
S[3] -= S[1]
out.append(f"isub 3 1 | - | {bigfp(S[3])}")
popped = [S[3].pop() for _ in range(1000)]
out.append(f"bigpop 3 | {bigfp(popped)} | {bigfp(S[3])}")
print("\n".join(out))
