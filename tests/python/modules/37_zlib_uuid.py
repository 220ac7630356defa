# zlib's checksums and uuid (CPython's uuid.py): uuid3/uuid5 are deterministic, uuid4 random.
import uuid
import zlib

def attempt(f, *args, **kw):
    try:
        print('ok', f(*args, **kw))
    except Exception as e:
        print(f'{type(e).__module__}.{type(e).__name__}: {e}')

print(zlib.crc32(b'hello'), zlib.adler32(b'hello'), zlib.adler32(b'lo', zlib.adler32(b'hel')))
print(zlib.crc32(b'lo', zlib.crc32(b'hel')), zlib.crc32(bytearray(b'x' * 10000)), zlib.adler32(b'\xff' * 20000))
print(zlib.adler32(b''), zlib.crc32(b''), zlib.crc32(b'a', -1), zlib.adler32(b'a', 2**33 + 7))
attempt(zlib.crc32)
attempt(zlib.adler32, 'text')
attempt(zlib.adler32, b'a', 1, 2)
print(zlib.error, issubclass(zlib.error, Exception))

for name in ['python.org', 'example.com', '中文.example']:
    print(uuid.uuid3(uuid.NAMESPACE_DNS, name), uuid.uuid5(uuid.NAMESPACE_DNS, name))
print(uuid.uuid5(uuid.NAMESPACE_URL, 'http://example.com/page?id=1'))
u = uuid.UUID('12345678123456781234567812345678')
print(u, repr(u), u.hex, u.int, u.version, u.variant, u.urn)
print(u.bytes, u.bytes_le, u.fields, u.time_low, u.time_mid, u.clock_seq, u.node)
print(uuid.UUID(bytes=b'\x01' * 16), uuid.UUID(int=5), uuid.UUID(fields=(1, 2, 3, 4, 5, 6)))
print(uuid.UUID('{12345678-1234-5678-1234-567812345678}') == u, uuid.UUID('urn:uuid:' + str(u)) == u)
print(uuid.UUID(int=2**128 - 1), uuid.UUID(str(u), version=4))
x = uuid.uuid4()
print(type(x).__name__, x.version, x.variant, len(str(x)), len(x.hex), x == uuid.UUID(str(x)))
print(uuid.NAMESPACE_OID, uuid.NAMESPACE_X500, uuid.SafeUUID.unknown, u.is_safe, uuid.RFC_4122)
print(sorted([uuid.UUID(int=3), u, uuid.UUID(int=1)]), hash(u) == hash(uuid.UUID(str(u))))
print(str(u) in {str(u)}, u < uuid.UUID(int=2**127), int(uuid.UUID(int=42)))
attempt(uuid.UUID, 'xyz')
attempt(uuid.UUID)
attempt(uuid.UUID, int=-1)
attempt(uuid.UUID, bytes=b'short')
attempt(uuid.UUID, str(u), version=9)
attempt(setattr, u, 'int', 5)
