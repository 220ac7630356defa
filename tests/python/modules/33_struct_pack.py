# struct: framing as network code does it, every format character, byte orders, alignment.
import struct

payload = "héllo, 世界".encode()
frame = struct.pack('>I', len(payload)) + payload
print(frame)
(n,) = struct.unpack('>I', frame[:4])
print(n, frame[4:4 + n].decode())

for fmt, vals in [
    ('b', (-128,)), ('B', (255,)), ('?', (True,)), ('?', (0,)), ('?', ([1],)),
    ('h', (-2,)), ('H', (65535,)), ('i', (-70000,)), ('I', (4000000000,)),
    ('l', (-1,)), ('L', (2**64 - 1,)), ('q', (-2**63,)), ('Q', (2**64 - 1,)),
    ('n', (-5,)), ('N', (5,)), ('P', (0x1234,)), ('e', (1.5,)), ('f', (0.1,)), ('d', (0.1,)),
    ('c', (b'z',)), ('5s', (b'ab',)), ('2s', (b'abcdef',)), ('5p', (b'ab',)), ('3p', (b'abcdef',)),
    ('x', ()), ('3x', ()), ('0s', (b'abc',)),
]:
    for order in '@=<>!':
        f = order + fmt
        try:
            b = struct.pack(f, *vals)
        except struct.error as e:
            print(f, 'error:', e)
            continue
        print(f, struct.calcsize(f), b, struct.unpack(f, b))

# alignment: native pads, standard does not
for f in ['bhiq', 'bd', '=bd', 'xd', 'qh', 'ci', 'iq', '0i', 'b0i', 'b0q', 'hxi', '?e', 'bP', 'cN']:
    print(f, struct.calcsize(f))
print(struct.pack('bhiq', 1, 2, 3, 4))
print(struct.pack('<bhiq', 1, 2, 3, 4))
print(struct.pack('>bhiq', 1, 2, 3, 4))
print(struct.unpack('b i', b'\x01\x00\x00\x00\x02\x00\x00\x00'))

# repeat counts and whitespace
print(struct.pack('<3h 2s\t?', 1, 2, 3, b'xy', 1))
print(struct.unpack('<3h 2s\t?', struct.pack('<3h 2s\t?', 1, 2, 3, b'xy', 1)))
print(struct.pack('10s', b'short'), struct.pack('>2I', 1, 2))
print(struct.calcsize('100s'), struct.calcsize('>1000q'))

# floats: half precision rounds half to even; f and d
for x in [0.0, -0.0, 1.0, 65504.0, 65519.0, 0.1, 1 / 3, 6e-8, 1e-8, 5.960464477539063e-08,
          1.0009765625, 1.00048828125, 1.00146484375, float('inf'), -float('inf'), 2.5e-5]:
    b = struct.pack('<e', x)
    print(repr(x), b, struct.unpack('<e', b)[0], struct.unpack('<f', struct.pack('<f', x))[0])
print(struct.unpack('<e', struct.pack('<e', float('nan')))[0])
print(struct.pack('>d', 1.5), struct.pack('<f', 3), struct.unpack('>f', b'\x7f\x80\x00\x00'))
print(struct.pack('f', 1e300), struct.pack('d', True))

# bytearray in, bytes out
print(struct.unpack('>H', bytearray(b'\x01\x02')), struct.pack('4s', bytearray(b'ab')))

# Struct objects
s = struct.Struct('>HH4s')
print(s.format, s.size, type(s).__name__, type(s.format).__name__)
print(s.pack(1, 2, b'abcd'), s.unpack(b'\x00\x01\x00\x02wxyz'))
print(struct.Struct(b'<i').format, struct.Struct(format='<q').size)
buf = bytearray(12)
s.pack_into(buf, 2, 7, 8, b'zz')
print(buf)
struct.pack_into('<h', buf, -2, -1)
print(buf)
print(s.unpack_from(buf, 2), s.unpack_from(buffer=bytes(buf), offset=2))
print(struct.unpack_from('>H', buf), struct.unpack_from('>H', buf, offset=-4))
print(list(struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))
it = s.iter_unpack(b'\x00' * 16)
print(type(it).__name__, next(it), list(it))
print(struct.pack('<I', True), struct.pack('<i', False))

class Idx:
    def __index__(self):
        return 300
print(struct.pack('>H', Idx()), struct.pack('>d', Idx()))

class F:
    def __float__(self):
        return 2.5
print(struct.pack('>d', F()))
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
print(struct.Struct.__name__, struct.Struct.__module__)
print([n for n in dir(struct) if not n.startswith('__')])
