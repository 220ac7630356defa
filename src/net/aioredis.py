"""aioredis, simulated: an in-memory Redis with the latency of the simulated host it "runs"
on (loopscope.net host 'localhost:6379' unless the URL names another). Every command costs
one round trip of virtual time; nothing is sent over a socket. Both API generations the
courses use work: 2.x (`aioredis.from_url(url, decode_responses=True)`, `await r.close()`)
and 1.x (`await aioredis.create_redis_pool(url)`, `get(key, encoding='utf-8')`,
`hmset_dict`, `r.close(); await r.wait_closed()`). Keys and values are kept per server
address for the whole run. A small subset of commands: strings, counters, lists, hashes,
sets, keys, expire/ttl (on the virtual clock), ping, flushdb.
"""

import asyncio
import loopscope.net as _net

__version__ = '2.0.1'

_SERVERS = {}


class RedisError(Exception):
    pass


class ConnectionError(RedisError):
    pass


class ResponseError(RedisError):
    pass


class AuthenticationError(ConnectionError):
    pass


def _addr(url):
    if isinstance(url, (tuple, list)):
        host, port = url[0], int(url[1])
        return host, port, 0, None
    rest = url.partition('://')[2] if '://' in url else url
    auth, at, hostpart = rest.rpartition('@')
    password = auth.partition(':')[2] if at else None
    hostport, _, db = hostpart.partition('/')
    host, colon, port = hostport.partition(':')
    return host or 'localhost', int(port) if colon else 6379, int(db or 0), password


class _Done:
    """close()'s result: `await r.close()` (2.x) and a bare `r.close()` (1.x) both work."""

    def __await__(self):
        return iter(())


class Redis:
    def __init__(self, host, port, db=0, password=None, decode_responses=False,
                 encoding='utf-8'):
        self._host = f'{host}:{port}'
        self._store = _SERVERS.setdefault((_net._canon(host), port, db), {})
        self._expiry = {}
        self._decode = decode_responses
        self._encoding = encoding
        self.closed = False

    def __repr__(self):
        return f'Redis<ConnectionPool<Connection<host={self._host.split(":")[0]},port={self._host.split(":")[1]},db=0>>>'

    async def _rt(self):
        if self.closed:
            raise ConnectionError('Connection closed by server.')
        await asyncio.sleep(_net.round_trip(self._host))

    def _expire_due(self):
        now = _net._now()
        for k, t in list(self._expiry.items()):
            if t <= now + _net._EPS:
                self._store.pop(k, None)
                del self._expiry[k]

    def _out(self, v, encoding=None):
        if v is None:
            return None
        if isinstance(v, list):
            return [self._out(x, encoding) for x in v]
        if isinstance(v, dict):
            return {self._out(k, encoding): self._out(x, encoding) for k, x in v.items()}
        if isinstance(v, set):
            return {self._out(x, encoding) for x in v}
        enc = encoding or (self._encoding if self._decode else None)
        return v.decode(enc) if enc else v

    @staticmethod
    def _b(v):
        if isinstance(v, bytes):
            return v
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return repr(v).encode()
        if isinstance(v, str):
            return v.encode('utf-8')
        raise DataError(f'Invalid input of type: {type(v).__name__!r}. Convert to a '
                        'bytes, string, int or float first.')

    def _get(self, key, kind):
        self._expire_due()
        v = self._store.get(self._b(key))
        if v is not None and not isinstance(v, kind):
            raise ResponseError('WRONGTYPE Operation against a key holding the wrong kind '
                                'of value')
        return v

    async def ping(self):
        await self._rt()
        return True

    async def set(self, key, value, ex=None, px=None, nx=False, xx=False, expire=None):
        await self._rt()
        k = self._b(key)
        self._expire_due()
        if (nx and k in self._store) or (xx and k not in self._store):
            return None
        self._store[k] = self._b(value)
        self._expiry.pop(k, None)
        ttl = ex if ex is not None else expire
        if ttl is not None:
            self._expiry[k] = _net._now() + ttl
        elif px is not None:
            self._expiry[k] = _net._now() + px / 1000
        return True

    async def get(self, key, *, encoding=None):
        await self._rt()
        return self._out(self._get(key, bytes), encoding)

    async def delete(self, *keys):
        await self._rt()
        self._expire_due()
        n = 0
        for key in keys:
            if self._store.pop(self._b(key), None) is not None:
                n += 1
        return n

    async def exists(self, *keys):
        await self._rt()
        self._expire_due()
        return sum(1 for k in keys if self._b(k) in self._store)

    async def incrby(self, key, amount=1):
        await self._rt()
        v = self._get(key, bytes)
        try:
            n = int(v or b'0') + amount
        except ValueError:
            raise ResponseError('value is not an integer or out of range') from None
        self._store[self._b(key)] = str(n).encode()
        return n

    async def incr(self, key, amount=1):
        return await self.incrby(key, amount)

    async def decr(self, key, amount=1):
        return await self.incrby(key, -amount)

    async def expire(self, key, seconds):
        await self._rt()
        self._expire_due()
        k = self._b(key)
        if k not in self._store:
            return False
        self._expiry[k] = _net._now() + seconds
        return True

    async def ttl(self, key):
        await self._rt()
        self._expire_due()
        k = self._b(key)
        if k not in self._store:
            return -2
        if k not in self._expiry:
            return -1
        return round(self._expiry[k] - _net._now())

    async def keys(self, pattern='*', *, encoding=None):
        await self._rt()
        self._expire_due()
        p = self._b(pattern)
        out = [k for k in self._store if _match(p, k)]
        return self._out(sorted(out), encoding)

    async def _push(self, key, values, left):
        await self._rt()
        lst = self._get(key, list)
        if lst is None:
            lst = self._store[self._b(key)] = []
        for v in values:
            if left:
                lst.insert(0, self._b(v))
            else:
                lst.append(self._b(v))
        return len(lst)

    async def lpush(self, key, *values):
        return await self._push(key, values, True)

    async def rpush(self, key, *values):
        return await self._push(key, values, False)

    async def _pop(self, key, left, encoding):
        await self._rt()
        lst = self._get(key, list)
        if not lst:
            return None
        v = lst.pop(0 if left else -1)
        if not lst:
            del self._store[self._b(key)]
        return self._out(v, encoding)

    async def lpop(self, key, *, encoding=None):
        return await self._pop(key, True, encoding)

    async def rpop(self, key, *, encoding=None):
        return await self._pop(key, False, encoding)

    async def llen(self, key):
        await self._rt()
        return len(self._get(key, list) or [])

    async def lrange(self, key, start, stop, *, encoding=None):
        await self._rt()
        lst = self._get(key, list) or []
        stop = len(lst) if stop == -1 else stop + 1
        return self._out(lst[start:stop], encoding)

    async def hset(self, key, field=None, value=None, mapping=None):
        await self._rt()
        h = self._get(key, dict)
        if h is None:
            h = self._store[self._b(key)] = {}
        items = dict(mapping or {})
        if field is not None:
            items[field] = value
        n = 0
        for f, v in items.items():
            if self._b(f) not in h:
                n += 1
            h[self._b(f)] = self._b(v)
        return n

    async def hmset_dict(self, key, *args, **kwargs):
        items = dict(args[0]) if args else {}
        items.update(kwargs)
        await self.hset(key, mapping=items)
        return True

    async def hget(self, key, field, *, encoding=None):
        await self._rt()
        h = self._get(key, dict) or {}
        return self._out(h.get(self._b(field)), encoding)

    async def hgetall(self, key, *, encoding=None):
        await self._rt()
        return self._out(dict(self._get(key, dict) or {}), encoding)

    async def sadd(self, key, *members):
        await self._rt()
        s = self._get(key, set)
        if s is None:
            s = self._store[self._b(key)] = set()
        n = 0
        for m in members:
            if self._b(m) not in s:
                s.add(self._b(m))
                n += 1
        return n

    async def smembers(self, key, *, encoding=None):
        await self._rt()
        return self._out(set(self._get(key, set) or set()), encoding)

    async def flushdb(self):
        await self._rt()
        self._store.clear()
        self._expiry.clear()
        return True

    def close(self):
        self.closed = True
        return _Done()

    async def wait_closed(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()


class DataError(RedisError):
    pass


def _match(pattern, key):
    # Redis glob: * and ? (enough for the demos).
    if not pattern:
        return not key
    if pattern[:1] == b'*':
        return any(_match(pattern[1:], key[i:]) for i in range(len(key) + 1))
    if not key:
        return False
    if pattern[:1] == b'?' or pattern[:1] == key[:1]:
        return _match(pattern[1:], key[1:])
    return False


StrictRedis = Redis


def from_url(url, *, decode_responses=False, encoding='utf-8', **kwargs):
    host, port, db, password = _addr(url)
    return Redis(host, port, db, password, decode_responses, encoding)


async def _connect(address, db=None, password=None, encoding=None, **kwargs):
    host, port, urldb, _ = _addr(address)
    r = Redis(host, port, db if db is not None else urldb, password, encoding is not None,
              encoding or 'utf-8')
    await r._rt()
    return r


async def create_redis(address, *, db=None, password=None, encoding=None, **kwargs):
    return await _connect(address, db, password, encoding)


async def create_redis_pool(address, *, db=None, password=None, encoding=None, minsize=1,
                            maxsize=10, **kwargs):
    return await _connect(address, db, password, encoding)


create_connection = create_redis
