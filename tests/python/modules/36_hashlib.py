# hashlib: md5/sha1/sha2 digests as crawlers and protocols use them, HASH objects, errors.
import hashlib

def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(f'{type(e).__name__}: {e}')
    else:
        print('ok', r if isinstance(r, str) else r.hexdigest())

urls = ['http://example.com/', 'http://example.com/a?b=1', 'https://python.org/中文']
for url in urls:
    print(hashlib.md5(url.encode()).hexdigest() + '.html')

payload = b'x' * 1000
for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    h = getattr(hashlib, name)(payload)
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    print(' ', h.digest()[:8], hashlib.new(name, payload).hexdigest() == h.hexdigest())

for n in [0, 1, 55, 56, 63, 64, 65, 111, 112, 119, 120, 127, 128, 129, 1000]:
    data = bytes(range(256)) * 4
    print(n, hashlib.md5(data[:n]).hexdigest(), hashlib.sha1(data[:n]).hexdigest()[:12],
          hashlib.sha256(data[:n]).hexdigest()[:16], hashlib.sha512(data[:n]).hexdigest()[:16])

h = hashlib.sha256()
for chunk in [b'hello', b' ', bytearray(b'world'), b'']:
    h.update(chunk)
c = h.copy()
c.update(b'!')
print(h.hexdigest(), c.hexdigest(), hashlib.sha256(b'hello world!').hexdigest() == c.hexdigest())
print(h.hexdigest() == hashlib.sha256(b'hello world').hexdigest(), h.digest() == h.digest())
print(hashlib.md5(string=b'abc').hexdigest(), hashlib.sha1(b'abc', usedforsecurity=False).hexdigest())
print(hashlib.new('SHA256', b'abc').name, hashlib.new('md5', data=b'abc').hexdigest())
print(type(h).__name__, type(h).__module__, repr(h).split(' @ ')[0], hashlib.md5.__name__)
print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha1', 'sha256'}))
print({'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'} <= hashlib.algorithms_available)

attempt(hashlib.md5, 'text')
attempt(hashlib.sha256, 123)
attempt(hashlib.md5, b'a', b'b')
attempt(hashlib.md5, data=b'a')
attempt(hashlib.new, 'nope')
attempt(hashlib.new, 5)
attempt(hashlib.new)
attempt(hashlib.new, 'md5', 'x')
attempt(h.update, 'str')
attempt(h.update, None)
attempt(h.update)
attempt(type(h))
