# Writes /tmp/many.txt: 400k random format()/repr/% cases answered by CPython 3.11, for
# LOOPSCOPE_FORMAT_CASES=/tmp/many.txt cargo test --lib -- --ignored differential
import random, struct, json
rnd = random.Random(99)
aligns = ['', '<', '>', '^', '=']
fills = ['', '*', '0', '中']
types_f = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n']
types_i = ['', 'd', 'b', 'o', 'x', 'X', 'n', 'c', 'e', 'f', 'g', '%']
def spec(types):
    s = ''
    a = rnd.choice(aligns)
    if a:
        s += rnd.choice(fills) + a
    s += rnd.choice(['', '', '+', '-', ' '])
    s += rnd.choice(['', '', '', 'z'])
    s += rnd.choice(['', '', '#'])
    s += rnd.choice(['', '', '0'])
    s += rnd.choice(['', '', '', str(rnd.randint(0, 30))])
    s += rnd.choice(['', '', '', ',', '_'])
    s += rnd.choice(['', '', '.' + str(rnd.randint(0, 20))])
    s += rnd.choice(types)
    return s
out = open('/tmp/many.txt', 'w')
def res(f):
    try: return 'OK:' + f()
    except Exception as e: return 'ERR:' + str(e)
for _ in range(150000):
    r = rnd.random()
    if r < 0.3:
        x = struct.unpack('<d', struct.pack('<Q', rnd.getrandbits(64)))[0]
    elif r < 0.6:
        x = round(rnd.uniform(-1e6, 1e6), rnd.randint(0, 8))
    else:
        x = rnd.uniform(-1, 1) * 10 ** rnd.randint(-25, 25)
    s = spec(types_f)
    b = '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
    out.write('F\t%s\t%s\t%s\n' % (b, json.dumps(s), json.dumps(res(lambda: format(x, s)))))
    out.write('R\t%s\t""\t%s\n' % (b, json.dumps(res(lambda: repr(x)))))
for _ in range(50000):
    v = rnd.choice([rnd.randint(-10**6, 10**6), rnd.randint(-2**63, 2**63-1), rnd.randint(0, 0x10ffff)])
    s = spec(types_i)
    out.write('I\t%d\t%s\t%s\n' % (v, json.dumps(s), json.dumps(res(lambda: format(v, s)))))
fmts = ['d','i','x','X','o','e','E','f','F','g','G']
for _ in range(50000):
    c = rnd.choice(fmts)
    f = '%' + ''.join(rnd.sample('-+ #0', rnd.randint(0, 3))) + rnd.choice(['', str(rnd.randint(0, 25))]) + rnd.choice(['', '.' + str(rnd.randint(0, 20))]) + c
    if c in 'dixXo':
        v = rnd.choice([rnd.randint(-10**6, 10**6), rnd.randint(-2**63, 2**63-1)])
        out.write('PI\t%d\t%s\t%s\n' % (v, json.dumps(f), json.dumps(res(lambda: f % v))))
    else:
        v = rnd.uniform(-1, 1) * 10 ** rnd.randint(-25, 25)
        b = '%016x' % struct.unpack('<Q', struct.pack('<d', v))[0]
        out.write('PF\t%s\t%s\t%s\n' % (b, json.dumps(f), json.dumps(res(lambda: f % v))))
