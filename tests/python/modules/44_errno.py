import errno, os
print(errno.ENOENT, errno.errorcode[2], errno.EAGAIN, errno.errorcode[11], len(errno.errorcode))
print(sorted(n for n in dir(errno) if n.startswith("E"))[:5], errno.ECONNREFUSED, errno.errorcode[errno.ECONNRESET])
print(list(errno.errorcode.items())[:6])
try:
    raise ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")
except OSError as e:
    print(e.errno == errno.ECONNREFUSED, errno.errorcode[e.errno], e)
print(OSError(errno.ENOENT, "x").__class__.__name__, OSError(errno.EAGAIN, "y").__class__.__name__)
