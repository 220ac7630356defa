# struct: CPython's error messages, range checks per format character and byte order.
import struct

def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(f'{type(e).__module__}.{type(e).__name__}: {e}')
    else:
        print('ok', r)

big = [('b', 128), ('b', -129), ('B', 256), ('B', -1), ('h', 40000), ('h', -40000),
       ('H', -1), ('H', 70000), ('i', 2**31), ('i', -2**31 - 1), ('I', -1), ('I', 2**32),
       ('l', 2**63), ('l', 2**31), ('L', -1), ('L', 2**32), ('L', 2**64), ('q', 2**63),
       ('q', -2**63 - 1), ('Q', -1), ('Q', 2**64), ('n', 2**63), ('N', -1), ('P', -1),
       ('P', 2**64), ('e', 1e6), ('e', 10**6), ('e', 65520.0), ('f', 1e300), ('f', 10**40),
       ('d', 10**400), ('d', 'x'), ('f', None), ('e', [1.0]), ('i', 1.0), ('i', '1'), ('Q', 2.0),
       ('c', b'ab'), ('c', 'a'), ('c', bytearray(b'a')), ('s', 'a'), ('p', 1), ('?', 'x')]
for fmt, v in big:
    for order in '@<>':
        if order != '@' and fmt in 'nNP':
            continue
        print(order + fmt, repr(v)[:20], end=' ')
        attempt(struct.pack, order + fmt, v)

for f in ['3', 'y', '>n', '<P', 'i3', 'i<', '4 s', '!N', '999999999999999999999i', 1, None]:
    print(repr(f), end=' ')
    attempt(struct.calcsize, f)

attempt(struct.pack)
attempt(struct.pack, 1)
attempt(struct.pack, 'ii', 1)
attempt(struct.pack, 'i', 1, 2)
attempt(struct.pack, '2s3p', b'a')
attempt(struct.unpack, '>I', b'abc')
attempt(struct.unpack, '>I', b'abcde')
attempt(struct.unpack, '>I', 'abcd')
attempt(struct.unpack, '>I')
attempt(struct.unpack, '>I', b'', b'')
attempt(struct.unpack_from, '>I', b'abc')
attempt(struct.unpack_from, '>I', b'abcdef', 4)
attempt(struct.unpack_from, '>I', b'abcdef', -2)
attempt(struct.unpack_from, '>I', b'abcdef', -7)
attempt(struct.unpack_from, '>I', b'abcdef', -6)
attempt(struct.unpack_from, '>I')
attempt(struct.iter_unpack, '>I', b'abcde')
attempt(struct.iter_unpack, '', b'abcde')
attempt(struct.iter_unpack, '>I', [1])
buf = bytearray(6)
attempt(struct.pack_into, '>I', buf, 4, 1)
attempt(struct.pack_into, '>I', buf, -2, 1)
attempt(struct.pack_into, '>I', buf, -8, 1)
attempt(struct.pack_into, '>I', buf, -6, 1)
attempt(struct.pack_into, '>I', b'123456', 0, 1)
attempt(struct.pack_into, '>I', buf)
attempt(struct.pack_into, '>I', buf, 0)
attempt(struct.pack_into, '>I', buf, 0, 1, 2)
attempt(struct.pack_into, '>I', buf, 'x', 1)
print(buf)
s = struct.Struct('>hh')
attempt(s.pack, 1)
attempt(s.pack, 1, 99999)
attempt(s.unpack, b'12345')
attempt(struct.Struct)
attempt(struct.Struct, 3.5)
attempt(struct.Struct, 'z')
try:
    struct.unpack('>H', b'\x00')
except struct.error as e:
    print('caught', type(e), e.args)
