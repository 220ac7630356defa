# The part of CPython 3.11's `io` loopscope has: StringIO (the behaviour of _pyio.StringIO,
# PSF license, over a list of characters instead of a byte buffer: loopscope's str is not
# bytes underneath) and text_encoding. There are no files: open() and the binary classes are
# absent, so a script that needs them gets AttributeError.

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


def text_encoding(encoding, stacklevel=2):
    if encoding is None:
        return "locale"
    return encoding


class StringIO:
    """Text I/O implementation using an in-memory buffer."""
    __module__ = '_io'

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s"
                            % (type(newline).__name__,))
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        self._newline = newline
        self._chars = []
        self._pos = 0
        self._closed = False
        if initial_value is not None:
            if not isinstance(initial_value, str):
                raise TypeError("initial_value must be str or None, not %s"
                                % (type(initial_value).__name__,))
            self.write(initial_value)
            self._pos = 0

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _translate(self, s):
        if self._newline is None:
            return s.replace("\r\n", "\n").replace("\r", "\n")
        if self._newline in ("\r", "\r\n"):
            return s.replace("\n", self._newline)
        return s

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'"
                            % (type(s).__name__,))
        length = len(s)
        s = self._translate(s)
        if self._pos > len(self._chars):
            self._chars.extend(["\0"] * (self._pos - len(self._chars)))
        self._chars[self._pos:self._pos + len(s)] = list(s)
        self._pos += len(s)
        return length

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check()
        return "".join(self._chars)

    def read(self, size=-1):
        self._check()
        if size is None or size < 0:
            end = len(self._chars)
        else:
            end = min(len(self._chars), self._pos + size)
        start = min(self._pos, end)
        self._pos = max(self._pos, end)
        return "".join(self._chars[start:end])

    def readline(self, size=-1):
        self._check()
        end = len(self._chars)
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        i = self._pos
        while i < end:
            i += 1
            if self._chars[i - 1] == "\n":
                break
        start, self._pos = self._pos, max(self._pos, i)
        return "".join(self._chars[start:i])

    def readlines(self, hint=-1):
        return list(self)

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError("an integer is required")
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % (pos,))
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._chars)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % (whence,))
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, pos=None):
        self._check()
        if pos is None:
            pos = self._pos
        if pos < 0:
            raise ValueError("Negative size value %d" % (pos,))
        del self._chars[pos:]
        return pos

    def flush(self):
        self._check()

    def close(self):
        self._closed = True
        self._chars = []

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        self._check()
        return False

    @property
    def newlines(self):
        self._check()
        return None

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()
