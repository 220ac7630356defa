# binascii and base64 (CPython's base64.py): encodings network examples use, and their errors.
import base64
import binascii

def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(f'{type(e).__module__}.{type(e).__name__}: {e}')
    else:
        print('ok', repr(r))

data = 'héllo wörld 世界'.encode()
print(binascii.hexlify(data), binascii.b2a_hex(b'\x00\xff'), binascii.unhexlify('00ff'))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', ':'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b'-', 2))
print(binascii.b2a_hex(b'\x01\x02\x03\x04\x05', sep=' ', bytes_per_sep=-2), binascii.a2b_hex(b'ABcd'))
print(b'\x01\x02\x03\x04\x05'.hex(), b'\x01\x02\x03\x04\x05'.hex(':'), b'\x01\x02\x03\x04\x05'.hex('-', 2))
print(b'\x01\x02\x03\x04\x05'.hex(sep='|', bytes_per_sep=-2), b'\xab'.hex(':', 3), b''.hex(':'), bytearray(b'ab').hex('.'))
print(bytes.fromhex('de ad be ef'), bytes.fromhex('DEADBEEF').hex(':', 0))
for n in range(6):
    b = binascii.b2a_base64(data[:n])
    print(n, b, binascii.b2a_base64(data[:n], newline=False), binascii.a2b_base64(b))
print(binascii.crc32(b'hello world'), binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b''))
print(binascii.crc32(b'abc', -1), binascii.crc32(bytearray(b'abc'), 2**40 + 5), binascii.crc_hqx(b'123456789', 0))

for s in [b'aGVsbG8=', b'aGVsbG8', b'aGVsbA==', b'aGVsbA=', b'aGVsbA', b'a', b'aGVsb', b'aGVs\nbG8=\n',
          b'aGVsbA==bG8=', b'=aGVs', b'aG=Vs', b'aGVsbG8=x', b'aGV!sbG8=', b'', b'====', b'ab==cd']:
    print(s, end=' ')
    attempt(binascii.a2b_base64, s)
    print(' strict', end=' ')
    attempt(binascii.a2b_base64, s, strict_mode=True)

attempt(binascii.unhexlify, '0')
attempt(binascii.unhexlify, 'zz')
attempt(binascii.unhexlify, 'é0')
attempt(binascii.unhexlify, 12)
attempt(binascii.unhexlify)
attempt(binascii.hexlify, 'ab')
attempt(binascii.hexlify)
attempt(binascii.hexlify, b'ab', '::')
attempt(binascii.hexlify, b'ab', 1)
attempt(binascii.hexlify, b'ab', '世')
attempt(b'ab'.hex, 'é')
attempt(b'ab'.hex, [1])
attempt(b'ab'.hex, ':', 'x')
attempt(binascii.b2a_base64, 'abc')
attempt(binascii.b2a_base64)
attempt(binascii.a2b_base64, 'é')
attempt(binascii.a2b_base64, 5)
attempt(binascii.crc32)
attempt(binascii.crc32, b'a', 1, 2)
attempt(binascii.crc32, 'a')
attempt(binascii.crc32, b'a', 1.0)
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__mro__)

# base64
print(base64.b64encode(data), base64.b64decode(base64.b64encode(data)).decode())
print(base64.b64encode(b'\xfb\xff\xfe', altchars=b'-_'), base64.urlsafe_b64encode(b'\xfb\xff\xfe'))
print(base64.urlsafe_b64decode('-__-'), base64.standard_b64encode(b'x'), base64.standard_b64decode(b'eA=='))
print(base64.b64decode('aGVs bG8=\n'), base64.b64decode('aGVsbG8=', validate=True))
attempt(base64.b64decode, 'aGVs bG8=', validate=True)
attempt(base64.b64decode, 'aGVsbG8')
attempt(base64.b64decode, 'héllo')
attempt(base64.b64encode, 'text')
print(base64.b32encode(b'hello'), base64.b32decode(b'NBSWY3DP'), base64.b32decode('nbswy3dp', casefold=True))
print(base64.b32hexencode(b'hello'), base64.b32hexdecode(b'D1IMOR3F'))
attempt(base64.b32decode, b'NBSWY3D')
print(base64.b16encode(b'\x01\xab'), base64.b16decode('01AB'), base64.b16decode('01ab', casefold=True))
attempt(base64.b16decode, '01ab')
print(base64.a85encode(b'hello world'), base64.a85decode(base64.a85encode(b'hello world')))
print(base64.a85encode(b'\0\0\0\0 ', foldspaces=True, adobe=True, wrapcol=4))
print(base64.b85encode(b'hello world'), base64.b85decode(base64.b85encode(b'hello world')))
print(base64.b85encode(b'abc', pad=True))
token = base64.b64encode(b'user:secret').decode('ascii')
print(f'Authorization: Basic {token}')
print(b'ab' * 3, 2 * b'x', b'x' * True, b'x' * -1, b'abc'.translate(None, b'b'))
print(b'abc'.translate(bytes.maketrans(b'ab', b'AB'), delete=b'c'), bytearray(b'abc').translate(bytes.maketrans(b'a', b'z')))
attempt(bytes.maketrans, b'ab', b'a')
attempt(b'abc'.translate, b'ab')
