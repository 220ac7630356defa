# A pull-based pipeline of generators (lazy), with itertools.
import itertools

LOG = """\
GET /index 200 120
GET /about 404 15
POST /login 200 340
GET /index 200 98
GET /missing 404 7
POST /login 500 1200""".splitlines()


def parse(lines):
    for line in lines:
        method, path, status, ms = line.split()
        yield {"method": method, "path": path, "status": int(status), "ms": int(ms)}


def only(records, **conds):
    return (r for r in records if all(r[k] == v for k, v in conds.items()))


records = list(parse(LOG))
print("GET 200 paths:", [r["path"] for r in only(records, method="GET", status=200)])
print("slowest:", max(records, key=lambda r: r["ms"])["path"])
by_status = itertools.groupby(sorted(records, key=lambda r: r["status"]), key=lambda r: r["status"])
for status, group in by_status:
    group = list(group)
    print(status, len(group), sum(r["ms"] for r in group))
print("running total:", list(itertools.accumulate(r["ms"] for r in records)))
pairs = list(itertools.pairwise(r["path"] for r in records))
print("pairs:", pairs[:2])
print("first two 404s:", list(itertools.islice((r["path"] for r in records if r["status"] == 404), 2)))
