"""aiofiles, simulated: async file objects on an in-memory file system (loopscope never
touches the disk). Each operation takes `DISK_LATENCY` seconds of virtual time (the real
aiofiles runs each call in a thread pool; here the wait is a timer, so other tasks run
meanwhile). The files live in `aiofiles.FILES` (path -> str or bytes) for the whole run.
"""

import asyncio
import loopscope.net as _net

DISK_LATENCY = 0.001
FILES = {}


class _Path:
    def __init__(self):
        pass

    async def exists(self, path):
        await asyncio.sleep(DISK_LATENCY)
        return path in FILES

    async def getsize(self, path):
        await asyncio.sleep(DISK_LATENCY)
        if path not in FILES:
            raise FileNotFoundError(2, 'No such file or directory')
        data = FILES[path]
        return len(data.encode('utf-8') if isinstance(data, str) else data)


class _Os:
    path = _Path()

    async def remove(self, path):
        await asyncio.sleep(DISK_LATENCY)
        if path not in FILES:
            raise FileNotFoundError(2, 'No such file or directory')
        del FILES[path]

    async def listdir(self, path='.'):
        await asyncio.sleep(DISK_LATENCY)
        prefix = '' if path in ('.', '') else path.rstrip('/') + '/'
        names = []
        for p in FILES:
            if p.startswith(prefix):
                head = p[len(prefix):].split('/')[0]
                if head not in names:
                    names.append(head)
        return names


os = _Os()


class AsyncFile:
    def __init__(self, path, mode, encoding):
        self.name = path
        self.mode = mode
        self._binary = 'b' in mode
        self._encoding = encoding or 'utf-8'
        self._pos = 0
        self.closed = False
        if 'r' in mode and '+' not in mode:
            if path not in FILES:
                raise FileNotFoundError(2, f"No such file or directory: '{path}'")
        elif 'w' in mode:
            FILES[path] = b'' if self._binary else ''
        elif 'a' in mode:
            FILES.setdefault(path, b'' if self._binary else '')
        elif 'x' in mode:
            if path in FILES:
                raise FileExistsError(17, f"File exists: '{path}'")
            FILES[path] = b'' if self._binary else ''
        if 'a' in mode:
            self._pos = len(self._data())

    def _data(self):
        data = FILES.get(self.name, '')
        if self._binary and isinstance(data, str):
            data = data.encode(self._encoding)
        elif not self._binary and isinstance(data, bytes):
            data = data.decode(self._encoding)
        return data

    def _check(self, want):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        if want == 'r' and not ('r' in self.mode or '+' in self.mode):
            raise UnsupportedOperation('not readable')
        if want == 'w' and not any(c in self.mode for c in 'wax+'):
            raise UnsupportedOperation('not writable')

    async def read(self, size=-1):
        self._check('r')
        await asyncio.sleep(DISK_LATENCY)
        data = self._data()
        end = len(data) if size is None or size < 0 else self._pos + size
        chunk = data[self._pos:end]
        self._pos += len(chunk)
        return chunk

    async def readline(self):
        self._check('r')
        await asyncio.sleep(DISK_LATENCY)
        data = self._data()
        nl = b'\n' if self._binary else '\n'
        i = data.find(nl, self._pos)
        end = len(data) if i < 0 else i + 1
        line = data[self._pos:end]
        self._pos = end
        return line

    async def readlines(self):
        lines = []
        while True:
            line = await self.readline()
            if not line:
                return lines
            lines.append(line)

    async def write(self, s):
        self._check('w')
        if self._binary and isinstance(s, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not self._binary and not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        await asyncio.sleep(DISK_LATENCY)
        data = self._data()
        FILES[self.name] = data[:self._pos] + s + data[self._pos + len(s):]
        self._pos += len(s)
        return len(s)

    async def writelines(self, lines):
        for line in lines:
            await self.write(line)

    async def seek(self, offset, whence=0):
        await asyncio.sleep(DISK_LATENCY)
        if whence == 0:
            self._pos = offset
        elif whence == 1:
            self._pos += offset
        else:
            self._pos = len(self._data()) + offset
        return self._pos

    async def tell(self):
        return self._pos

    async def flush(self):
        await asyncio.sleep(DISK_LATENCY)

    async def close(self):
        if not self.closed:
            await asyncio.sleep(DISK_LATENCY)
            self.closed = True

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()

    def __repr__(self):
        return f"<aiofiles.threadpool.text.AsyncTextIOWrapper name='{self.name}' mode='{self.mode}'>"


class UnsupportedOperation(OSError, ValueError):
    __module__ = 'io'


class _OpenContext:
    """aiofiles.open(...): awaitable, or an async context manager."""

    def __init__(self, path, mode, encoding):
        self._args = (path, mode, encoding)
        self._file = None

    async def _open(self):
        await asyncio.sleep(DISK_LATENCY)
        return AsyncFile(*self._args)

    def __await__(self):
        return _net.drive(self._open())

    async def __aenter__(self):
        self._file = await self._open()
        return self._file

    async def __aexit__(self, *exc):
        await self._file.close()


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, **kwargs):
    return _OpenContext(file, mode, encoding)
