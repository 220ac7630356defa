"""aiohttp (client subset), simulated: a real HTTP/1.1 client over asyncio streams on
loopscope's simulated network (loopscope.net). Not the aiohttp package: ClientSession with
get/post/put/delete/head/request, responses with status/reason/headers/text()/json()/read(),
ClientTimeout (total, connect, sock_read), TCPConnector(limit=...), and aiohttp's exception
names. One connection per request (the simulated servers close after answering); no cookies,
redirects, TLS or streaming uploads.
"""

import asyncio
import loopscope.net as _net
import json as _json

__version__ = '3.8.5'
_USER_AGENT = 'Python/3.11 aiohttp/3.8.5'


class ClientError(Exception):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError, OSError):
    pass


class ClientConnectorError(ClientOSError):
    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        super().__init__(os_error.errno, os_error.strerror)
        self.args = (connection_key, os_error)

    @property
    def host(self):
        return self._conn_key[0]

    @property
    def port(self):
        return self._conn_key[1]

    @property
    def os_error(self):
        return self._os_error

    def __str__(self):
        return 'Cannot connect to host {}:{} ssl:default [{}]'.format(
            self.host, self.port, self._os_error.strerror)


class ServerDisconnectedError(ClientConnectionError):
    def __init__(self, message=None):
        if message is None:
            message = 'Server disconnected'
        self.args = (message,)
        self.message = message

    def __str__(self):
        return self.message


class ServerTimeoutError(ClientConnectionError, asyncio.TimeoutError):
    pass


class ClientPayloadError(ClientError):
    pass


class InvalidURL(ClientError, ValueError):
    def __init__(self, url):
        super().__init__(url)
        self.url = url

    def __repr__(self):
        return f'<InvalidURL {self.url}>'


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, status=None, message='', headers=None):
        self.request_info = request_info
        self.history = history
        self.status = status if status is not None else 0
        self.message = message
        self.headers = headers
        super().__init__(request_info)

    def __str__(self):
        return '{}, message={!r}, url={!r}'.format(self.status, self.message,
                                                  self.request_info.real_url)


class ContentTypeError(ClientResponseError):
    pass


class ClientTimeout:
    """aiohttp.ClientTimeout: seconds, None for no limit (total defaults to 300)."""

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None,
                 ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def __repr__(self):
        return (f'ClientTimeout(total={self.total!r}, connect={self.connect!r}, '
                f'sock_read={self.sock_read!r}, sock_connect={self.sock_connect!r}, '
                f'ceil_threshold={self.ceil_threshold!r})')

    def __eq__(self, other):
        return isinstance(other, ClientTimeout) and repr(self) == repr(other)


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60)


class TCPConnector:
    """Caps concurrent connections (`limit`, 0: no cap), as aiohttp's connector does."""

    def __init__(self, *, limit=100, limit_per_host=0, ssl=None, **kwargs):
        self.limit = limit
        self.limit_per_host = limit_per_host
        self._sem = None
        self._host_sems = {}
        self.closed = False

    async def _acquire(self, host):
        if self.limit and self._sem is None:
            self._sem = asyncio.Semaphore(self.limit)
        if self._sem is not None:
            await self._sem.acquire()
        if self.limit_per_host:
            sem = self._host_sems.get(host)
            if sem is None:
                sem = self._host_sems[host] = asyncio.Semaphore(self.limit_per_host)
            try:
                await sem.acquire()
            except BaseException:
                if self._sem is not None:
                    self._sem.release()
                raise

    def _release(self, host):
        if self.limit_per_host:
            self._host_sems[host].release()
        if self._sem is not None:
            self._sem.release()

    async def close(self):
        self.closed = True


class URL:
    """The parts of yarl.URL aiohttp's users read."""

    def __init__(self, url):
        if not isinstance(url, str):
            url = str(url)
        self._url = url
        scheme, sep, rest = url.partition('://')
        if not sep or scheme not in ('http', 'https'):
            raise InvalidURL(url)
        self.scheme = scheme
        hostport, slash, path = rest.partition('/')
        path = slash + path if slash else '/'
        self.path_qs = path
        self.path, _, self.query_string = path.partition('?')
        host, colon, port = hostport.partition(':')
        if not host:
            raise InvalidURL(url)
        self.host = host
        self.port = int(port) if colon else (443 if scheme == 'https' else 80)
        self.raw_host = host

    def __str__(self):
        return self._url

    def __repr__(self):
        return f"URL('{self._url}')"

    def __eq__(self, other):
        return str(self) == str(other)

    def __hash__(self):
        return hash(self._url)


class RequestInfo:
    def __init__(self, url, method, headers):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = url

    def __repr__(self):
        return (f"RequestInfo(url={self.url!r}, method={self.method!r}, "
                f"headers={self.headers!r}, real_url={self.real_url!r})")


class CIMultiDict:
    """Case-insensitive headers (the lookups of multidict.CIMultiDictProxy)."""

    def __init__(self):
        self._items = []

    def _add(self, name, value):
        self._items.append((name, value))

    def __getitem__(self, key):
        for k, v in self._items:
            if k.lower() == key.lower():
                return v
        raise KeyError(key)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def getall(self, key):
        return [v for k, v in self._items if k.lower() == key.lower()]

    def __contains__(self, key):
        return any(k.lower() == key.lower() for k, _ in self._items)

    def __iter__(self):
        return iter([k for k, _ in self._items])

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [k for k, _ in self._items]

    def values(self):
        return [v for _, v in self._items]

    def items(self):
        return list(self._items)

    def __repr__(self):
        body = ', '.join(f'{k!r}: {v!r}' for k, v in self._items)
        return f'<CIMultiDictProxy({body})>'


class ClientResponse:
    def __init__(self, method, url, session):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = None
        self.reason = None
        self.version = None
        self.headers = CIMultiDict()
        self.raw_headers = []
        self._body = None
        self._session = session
        self.request_info = None
        self.history = ()
        self.closed = False

    def __repr__(self):
        return f'<ClientResponse({self.url}) [{self.status} {self.reason}]>\n{self.headers!r}\n'

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        return self.headers.get('content-type', 'application/octet-stream').split(';')[0].strip()

    @property
    def charset(self):
        ct = self.headers.get('content-type', '')
        for part in ct.split(';')[1:]:
            k, _, v = part.strip().partition('=')
            if k.lower() == 'charset':
                return v.strip('"')
        return None

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    async def read(self):
        return self._body

    async def text(self, encoding=None, errors='strict'):
        return self._body.decode(encoding or self.charset or 'utf-8', errors)

    async def json(self, *, encoding=None, loads=_json.loads, content_type='application/json'):
        if content_type and self.content_type != content_type:
            raise ContentTypeError(
                self.request_info, self.history, status=self.status,
                message=('Attempt to decode JSON with unexpected mimetype: '
                         f'{self.content_type}'),
                headers=self.headers)
        text = self._body.decode(encoding or self.charset or 'utf-8')
        if not text.strip():
            return None
        return loads(text)

    def release(self):
        self.closed = True

    def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.release()


class _RequestContextManager:
    """What session.get() returns: awaitable, or an async context manager."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return _net.drive(self._coro)

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, *exc):
        self._resp.release()


def _urlencode(params):
    def q(v):
        safe = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~'
        out = ''
        for b in str(v).encode('utf-8'):
            c = chr(b)
            out += c if c in safe else '%{:02X}'.format(b)
        return out
    items = params.items() if isinstance(params, dict) else params
    return '&'.join(f'{q(k)}={q(v)}' for k, v in items)


class ClientSession:
    def __init__(self, base_url=None, *, connector=None, timeout=None, headers=None,
                 raise_for_status=False, **kwargs):
        self._base_url = None if base_url is None else URL(base_url)
        self._connector = connector if connector is not None else TCPConnector()
        self._timeout = timeout if timeout is not None else DEFAULT_TIMEOUT
        self._headers = dict(headers or {})
        self._raise_for_status = raise_for_status
        self._closed = False

    def __repr__(self):
        return '<aiohttp.client.ClientSession object>'

    @property
    def closed(self):
        return self._closed

    @property
    def timeout(self):
        return self._timeout

    @property
    def connector(self):
        return self._connector

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()

    async def close(self):
        if not self._closed:
            self._closed = True
            await self._connector.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, **kwargs):
        return _RequestContextManager(self._request('GET', url, **kwargs))

    def post(self, url, **kwargs):
        return _RequestContextManager(self._request('POST', url, **kwargs))

    def put(self, url, **kwargs):
        return _RequestContextManager(self._request('PUT', url, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request('DELETE', url, **kwargs))

    def head(self, url, **kwargs):
        return _RequestContextManager(self._request('HEAD', url, **kwargs))

    async def _request(self, method, url, *, params=None, data=None, json=None,
                       headers=None, timeout=None, raise_for_status=None, **kwargs):
        if self._closed:
            raise RuntimeError('Session is closed')
        if self._base_url is not None and isinstance(url, str) and url.startswith('/'):
            url = f'{self._base_url.scheme}://{self._base_url.host}:{self._base_url.port}{url}'
        u = url if isinstance(url, URL) else URL(url)
        if params:
            sep = '&' if u.query_string else '?'
            u = URL(str(u) + sep + _urlencode(params))
        if u.scheme == 'https':
            raise ClientConnectorError((u.host, u.port), OSError(
                0, 'loopscope simulates plain HTTP only (no TLS)'))
        t = timeout if timeout is not None else self._timeout
        if isinstance(t, (int, float)):
            t = ClientTimeout(total=t)
        body = b''
        hdrs = {'Host': u.host if u.port == 80 else f'{u.host}:{u.port}',
                'User-Agent': _USER_AGENT, 'Accept': '*/*',
                'Accept-Encoding': 'gzip, deflate'}
        hdrs.update(self._headers)
        hdrs.update(headers or {})
        if json is not None:
            body = _json.dumps(json).encode('utf-8')
            hdrs['Content-Type'] = 'application/json'
        elif data is not None:
            if isinstance(data, dict):
                body = _urlencode(data).encode('ascii')
                hdrs['Content-Type'] = 'application/x-www-form-urlencoded'
            else:
                body = data.encode('utf-8') if isinstance(data, str) else bytes(data)
        if body or method in ('POST', 'PUT', 'PATCH'):
            hdrs['Content-Length'] = str(len(body))
        resp = ClientResponse(method, u, self)
        resp.request_info = RequestInfo(u, method, hdrs)
        if t.total is not None:
            async with asyncio.timeout(t.total):
                await self._exchange(u, method, hdrs, body, resp, t)
        else:
            await self._exchange(u, method, hdrs, body, resp, t)
        rfs = self._raise_for_status if raise_for_status is None else raise_for_status
        if rfs:
            resp.raise_for_status()
        return resp

    async def _exchange(self, u, method, hdrs, body, resp, t):
        await self._connector._acquire(u.host)
        try:
            connect_timeout = t.sock_connect if t.sock_connect is not None else t.connect
            try:
                if connect_timeout is not None:
                    try:
                        reader, writer = await asyncio.wait_for(
                            asyncio.open_connection(u.host, u.port), connect_timeout)
                    except asyncio.TimeoutError:
                        raise ServerTimeoutError(
                            f'Connection timeout to host {u}') from None
                else:
                    reader, writer = await asyncio.open_connection(u.host, u.port)
            except OSError as e:
                raise ClientConnectorError((u.host, u.port), e) from e
            try:
                head = f'{method} {u.path_qs} HTTP/1.1\r\n'
                head += ''.join(f'{k}: {v}\r\n' for k, v in hdrs.items()) + '\r\n'
                writer.write(head.encode('latin-1') + body)
                await writer.drain()
                await self._read_response(reader, resp, t.sock_read)
            except (ConnectionResetError, asyncio.IncompleteReadError) as e:
                raise ServerDisconnectedError() from e
            finally:
                writer.close()
        finally:
            self._connector._release(u.host)

    async def _read_response(self, reader, resp, sock_read):
        async def line():
            if sock_read is None:
                return await reader.readline()
            try:
                return await asyncio.wait_for(reader.readline(), sock_read)
            except asyncio.TimeoutError:
                raise ServerTimeoutError('Timeout on reading data from socket') from None

        status_line = (await line()).decode('latin-1').rstrip('\r\n')
        if not status_line:
            raise ServerDisconnectedError()
        version, _, rest = status_line.partition(' ')
        code, _, reason = rest.partition(' ')
        resp.version = version
        resp.status = int(code)
        resp.reason = reason
        while True:
            h = (await line()).decode('latin-1').rstrip('\r\n')
            if not h:
                break
            name, _, value = h.partition(':')
            resp.raw_headers.append((name, value.strip()))
            resp.headers._add(name, value.strip())
        n = resp.headers.get('content-length')
        if resp.method == 'HEAD':
            resp._body = b''
        elif n is not None:
            if sock_read is None:
                resp._body = await reader.readexactly(int(n))
            else:
                try:
                    resp._body = await asyncio.wait_for(reader.readexactly(int(n)), sock_read)
                except asyncio.TimeoutError:
                    raise ServerTimeoutError('Timeout on reading data from socket') from None
        else:
            resp._body = await reader.read()


async def request(method, url, **kwargs):
    async with ClientSession() as session:
        resp = await session._request(method, url, **kwargs)
        return resp
