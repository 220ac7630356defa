# Writes /tmp/num_many.txt: random round/truediv/divmod/pow/compare/float() cases answered by
# CPython 3.11, for LOOPSCOPE_NUMERIC_CASES=/tmp/num_many.txt cargo test --lib -- --ignored differential
import random, struct, json, math
rnd = random.Random(7)
def fb(x): return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def rf():
    r = rnd.random()
    if r < 0.3: return struct.unpack('<d', struct.pack('<Q', rnd.getrandbits(64)))[0]
    if r < 0.6: return round(rnd.uniform(-1e4, 1e4), rnd.randint(0, 6))
    return rnd.uniform(-1, 1) * 10 ** rnd.randint(-30, 30)
out = open('/tmp/num_many.txt', 'w')
def res(f):
    try:
        v = f()
        if isinstance(v, tuple): return 'OK:(' + ', '.join(repr(x) for x in v) + ')'
        if isinstance(v, int) and not -2**63 <= v < 2**63: return 'ERR:integer result out of range: loopscope ints are 64-bit'
        return 'OK:' + repr(v)
    except Exception as e: return 'ERR:' + str(e)
for _ in range(60000):
    x = rf(); n = rnd.randint(-20, 20)
    out.write('round\t%s\t%d\t%s\n' % (fb(x), n, json.dumps(res(lambda: round(x, n)))))
    a = rnd.randint(-2**63, 2**63-1) >> rnd.randint(0, 63); b = rnd.randint(-2**63, 2**63-1) >> rnd.randint(0, 63)
    out.write('truediv\t%d\t%d\t%s\n' % (a, b, json.dumps(res(lambda: a / b))))
    x = rf(); y = rf()
    out.write('fdivmod\t%s\t%s\t%s\n' % (fb(x), fb(y), json.dumps(res(lambda: divmod(x, y)))))
    out.write('fpow\t%s\t%s\t%s\n' % (fb(abs(x) % 100), fb(y % 10), json.dumps(res(lambda: (abs(x) % 100) ** (y % 10)))))
    i = rnd.randint(-2**63, 2**63-1) >> rnd.randint(0, 63); f = float(i) + rnd.choice([0, 0.5, -0.5, 1, -1, 2**10])
    out.write('cmp\t%d\t%s\t%s\n' % (i, fb(f), json.dumps('OK:' + repr((i < f, i == f, i > f)))))
    s = repr(rf())
    out.write('float\t%s\t0\t%s\n' % (json.dumps(s), json.dumps(res(lambda: float(s)))))
