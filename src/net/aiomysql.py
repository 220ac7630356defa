"""aiomysql, simulated: an in-memory MySQL with the latency of the simulated host it "runs"
on (loopscope.net host 'localhost:3306' by default). Every statement costs one round trip of
virtual time (`SELECT SLEEP(n)` n seconds more); nothing is sent over a socket. The API the
courses use: `await aiomysql.connect(...)` / `create_pool(...)`, `conn.cursor()` (awaited or
`async with`), `cur.execute(sql, args)` with %s parameters, fetchone/fetchmany/fetchall,
rowcount, lastrowid, commit, close. The SQL is a small subset: CREATE TABLE, DROP TABLE,
INSERT ... VALUES, SELECT cols|* FROM t [WHERE a = v [AND ...]] [ORDER BY c [DESC]]
[LIMIT n], SELECT of literals/NOW()/SLEEP(n)/VERSION()/DATABASE(), UPDATE ... SET ...
WHERE, DELETE FROM ... WHERE, USE db, SHOW TABLES. Database `mysql` has a `user` table.
"""

import asyncio
import loopscope.net as _net

__version__ = '0.1.1'

_DATABASES = {
    'mysql': {'user': {'cols': ['Host', 'User'],
                       'rows': [('localhost', 'root'), ('%', 'app'), ('localhost', 'mysql.sys')],
                       'auto': 0}},
    'test': {},
}


class Error(Exception):
    pass


class OperationalError(Error):
    pass


class ProgrammingError(Error):
    pass


class IntegrityError(Error):
    pass


def _escape(v):
    if v is None:
        return 'NULL'
    if isinstance(v, bool):
        return '1' if v else '0'
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v).replace('\\', '\\\\').replace("'", "\\'")
    return f"'{s}'"


def _substitute(sql, args):
    if args is None:
        return sql
    if isinstance(args, dict):
        return sql % {k: _escape(v) for k, v in args.items()}
    if not isinstance(args, (tuple, list)):
        args = (args,)
    return sql % tuple(_escape(a) for a in args)


def _tokens(sql):
    out = []
    i = 0
    n = len(sql)
    while i < n:
        c = sql[i]
        if c.isspace():
            i += 1
        elif c in '\'"`':
            j = i + 1
            buf = ''
            while j < n and sql[j] != c:
                if sql[j] == '\\' and j + 1 < n:
                    j += 1
                buf += sql[j]
                j += 1
            out.append(('str' if c != '`' else 'name', buf))
            i = j + 1
        elif c.isdigit() or (c == '-' and i + 1 < n and sql[i + 1].isdigit()):
            j = i + 1
            while j < n and (sql[j].isdigit() or sql[j] == '.'):
                j += 1
            text = sql[i:j]
            out.append(('num', float(text) if '.' in text else int(text)))
            i = j
        elif c.isalpha() or c == '_':
            j = i
            while j < n and (sql[j].isalnum() or sql[j] in '_.'):
                j += 1
            out.append(('name', sql[i:j]))
            i = j
        elif sql[i:i + 2] in ('<=', '>=', '!=', '<>'):
            out.append(('op', sql[i:i + 2]))
            i += 2
        else:
            out.append(('op', c))
            i += 1
    return out


class _Parser:
    def __init__(self, sql):
        self.t = _tokens(sql.strip().rstrip(';'))
        self.i = 0

    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else (None, None)

    def kw(self, word):
        kind, v = self.peek()
        if kind == 'name' and v.upper() == word:
            self.i += 1
            return True
        return False

    def need(self, word):
        if not self.kw(word):
            raise ProgrammingError(1064, f'You have an error in your SQL syntax near {word!r}')

    def op(self, o):
        if self.peek() == ('op', o):
            self.i += 1
            return True
        return False

    def name(self):
        kind, v = self.peek()
        if kind != 'name':
            raise ProgrammingError(1064, 'You have an error in your SQL syntax')
        self.i += 1
        return v

    def value(self):
        kind, v = self.peek()
        self.i += 1
        if kind in ('str', 'num'):
            return v
        if kind == 'name' and v.upper() == 'NULL':
            return None
        if kind == 'name' and v.upper() in ('TRUE', 'FALSE'):
            return 1 if v.upper() == 'TRUE' else 0
        if kind == 'name' and v.upper() == 'NOW' and self.op('('):
            self.op(')')
            return _now_str()
        raise ProgrammingError(1064, f'You have an error in your SQL syntax near {v!r}')

    def where(self):
        conds = []
        if self.kw('WHERE'):
            while True:
                col = self.name()
                kind, o = self.peek()
                self.i += 1
                conds.append((col, o, self.value()))
                if not self.kw('AND'):
                    break
        return conds


def _now_str():
    t = int(_net._now())
    return f'2024-01-01 {t // 3600 % 24:02d}:{t // 60 % 60:02d}:{t % 60:02d}'


def _test(row, cols, conds):
    for col, o, v in conds:
        x = row[_col_index(cols, col)]
        ok = {'=': x == v, '!=': x != v, '<>': x != v, '<': x is not None and x < v,
              '>': x is not None and x > v, '<=': x is not None and x <= v,
              '>=': x is not None and x >= v}.get(o)
        if ok is None:
            raise ProgrammingError(1064, f'unsupported operator {o!r}')
        if not ok:
            return False
    return True


def _col_index(cols, name):
    for i, c in enumerate(cols):
        if c.lower() == name.lower():
            return i
    raise OperationalError(1054, f"Unknown column '{name}' in 'field list'")


class Connection:
    def __init__(self, host, port, user, db, autocommit):
        self.host = host
        self.port = port
        self.user = user
        self.db = db
        self._addr = f'{host}:{port}'
        self.autocommit_mode = autocommit
        self.closed = False

    def _table(self, name):
        db, _, t = name.rpartition('.')
        db = db or self.db
        if db is None:
            raise OperationalError(1046, 'No database selected')
        tables = _DATABASES.get(db)
        if tables is None:
            raise OperationalError(1049, f"Unknown database '{db}'")
        if t not in tables:
            raise ProgrammingError(1146, f"Table '{db}.{t}' doesn't exist")
        return tables[t]

    async def _round_trip(self, extra=0.0):
        if self.closed:
            raise OperationalError(2013, 'Lost connection to MySQL server during query')
        await asyncio.sleep(_net.round_trip(self._addr) + extra)

    def cursor(self, cursor_class=None):
        return _CursorContext(Cursor(self, dict_rows=cursor_class is DictCursor))

    async def commit(self):
        await self._round_trip()

    async def rollback(self):
        await self._round_trip()

    async def ping(self, reconnect=True):
        await self._round_trip()

    async def select_db(self, db):
        await self._round_trip()
        self.db = db

    def close(self):
        self.closed = True

    async def ensure_closed(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()


class DictCursor:
    pass


class Cursor:
    def __init__(self, conn, dict_rows=False):
        self.connection = conn
        self._rows = []
        self._pos = 0
        self.rowcount = -1
        self.lastrowid = None
        self.description = None
        self._dict = dict_rows

    async def execute(self, query, args=None):
        conn = self.connection
        sql = _substitute(query, args)
        result, extra = self._run(sql)
        await conn._round_trip(extra)
        return result

    async def executemany(self, query, args):
        n = 0
        for a in args:
            n += await self.execute(query, a)
        self.rowcount = n
        return n

    def _set(self, cols, rows):
        self.description = tuple((c, 253, None, None, None, None, True) for c in cols)
        if self._dict:
            rows = [dict(zip(cols, r)) for r in rows]
        self._rows = list(rows)
        self._pos = 0
        self.rowcount = len(rows)
        return len(rows)

    def _run(self, sql):
        p = _Parser(sql)
        conn = self.connection
        extra = 0.0
        if p.kw('SELECT'):
            cols = []
            while True:
                if p.op('*'):
                    cols.append('*')
                else:
                    kind, v = p.peek()
                    if kind == 'name' and p.peek(1) == ('op', '('):
                        p.i += 2
                        fn = v.upper()
                        arg = None if p.peek() == ('op', ')') else p.value()
                        p.op(')')
                        if fn == 'SLEEP':
                            extra += float(arg)
                            cols.append((f'SLEEP({arg})', 0))
                        elif fn == 'NOW':
                            cols.append(('NOW()', _now_str()))
                        elif fn == 'VERSION':
                            cols.append(('VERSION()', '8.0.35-loopscope'))
                        elif fn == 'DATABASE':
                            cols.append(('DATABASE()', conn.db))
                        elif fn == 'COUNT':
                            cols.append(('COUNT(*)', 'count'))
                        else:
                            raise ProgrammingError(1305, f'FUNCTION {fn} does not exist')
                    elif kind == 'name' and v.upper() not in ('FROM',):
                        p.i += 1
                        cols.append(v)
                    else:
                        val = p.value()
                        cols.append((str(val), val))
                if not p.op(','):
                    break
            if not p.kw('FROM'):
                names = [c[0] for c in cols]
                self._set(names, [tuple(c[1] for c in cols)])
                return self.rowcount, extra
            table = p.name()
            t = conn._table(table)
            conds = p.where()
            rows = [r for r in t['rows'] if _test(r, t['cols'], conds)]
            if p.kw('ORDER'):
                p.need('BY')
                key = _col_index(t['cols'], p.name())
                desc = p.kw('DESC')
                p.kw('ASC')
                rows.sort(key=lambda r: r[key], reverse=desc)
            if p.kw('LIMIT'):
                rows = rows[:p.value()]
            if cols == [('COUNT(*)', 'count')]:
                self._set(['COUNT(*)'], [(len(rows),)])
                return 1, extra
            if cols == ['*']:
                names = t['cols']
                out = rows
            else:
                names = [c if isinstance(c, str) else c[0] for c in cols]
                idx = [_col_index(t['cols'], c) for c in names]
                out = [tuple(r[i] for i in idx) for r in rows]
            return self._set(names, out), extra
        if p.kw('INSERT'):
            p.need('INTO')
            t = conn._table(p.name())
            cols = t['cols']
            if p.op('('):
                cols = [p.name()]
                while p.op(','):
                    cols.append(p.name())
                p.op(')')
            p.need('VALUES')
            n = 0
            while p.op('('):
                vals = [p.value()]
                while p.op(','):
                    vals.append(p.value())
                p.op(')')
                row = [None] * len(t['cols'])
                for c, v in zip(cols, vals):
                    row[_col_index(t['cols'], c)] = v
                if t['cols'] and t['cols'][0].lower() == 'id' and row[0] is None:
                    t['auto'] += 1
                    row[0] = t['auto']
                elif t['cols'] and t['cols'][0].lower() == 'id':
                    t['auto'] = max(t['auto'], row[0])
                t['rows'].append(tuple(row))
                self.lastrowid = row[0] if t['cols'][0].lower() == 'id' else 0
                n += 1
                if not p.op(','):
                    break
            self.rowcount = n
            return n, extra
        if p.kw('CREATE'):
            p.need('TABLE')
            exists_ok = p.kw('IF') and p.kw('NOT') and p.kw('EXISTS')
            name = p.name()
            db = name.rpartition('.')[0] or conn.db
            if db not in _DATABASES:
                raise OperationalError(1046, 'No database selected')
            tname = name.rpartition('.')[2]
            cols = []
            p.op('(')
            depth = 1
            expect_name = True
            while depth and p.peek()[0] is not None:
                kind, v = p.peek()
                p.i += 1
                if (kind, v) == ('op', '('):
                    depth += 1
                elif (kind, v) == ('op', ')'):
                    depth -= 1
                elif (kind, v) == ('op', ',') and depth == 1:
                    expect_name = True
                elif expect_name and kind == 'name':
                    if v.upper() not in ('PRIMARY', 'KEY', 'UNIQUE', 'INDEX', 'CONSTRAINT'):
                        cols.append(v)
                    expect_name = False
            if tname in _DATABASES[db]:
                if exists_ok:
                    return 0, extra
                raise OperationalError(1050, f"Table '{tname}' already exists")
            _DATABASES[db][tname] = {'cols': cols, 'rows': [], 'auto': 0}
            self.rowcount = 0
            return 0, extra
        if p.kw('DROP'):
            p.need('TABLE')
            if_exists = p.kw('IF') and p.kw('EXISTS')
            name = p.name()
            db = name.rpartition('.')[0] or conn.db
            tname = name.rpartition('.')[2]
            if tname not in _DATABASES.get(db, {}):
                if if_exists:
                    return 0, extra
                raise OperationalError(1051, f"Unknown table '{db}.{tname}'")
            del _DATABASES[db][tname]
            return 0, extra
        if p.kw('UPDATE'):
            t = conn._table(p.name())
            p.need('SET')
            sets = []
            while True:
                c = _col_index(t['cols'], p.name())
                p.op('=')
                sets.append((c, p.value()))
                if not p.op(','):
                    break
            conds = p.where()
            n = 0
            for i, r in enumerate(t['rows']):
                if _test(r, t['cols'], conds):
                    r = list(r)
                    for c, v in sets:
                        r[c] = v
                    t['rows'][i] = tuple(r)
                    n += 1
            self.rowcount = n
            return n, extra
        if p.kw('DELETE'):
            p.need('FROM')
            t = conn._table(p.name())
            conds = p.where()
            keep = [r for r in t['rows'] if not _test(r, t['cols'], conds)]
            n = len(t['rows']) - len(keep)
            t['rows'] = keep
            self.rowcount = n
            return n, extra
        if p.kw('USE'):
            db = p.name()
            if db not in _DATABASES:
                raise OperationalError(1049, f"Unknown database '{db}'")
            conn.db = db
            return 0, extra
        if p.kw('SHOW'):
            p.need('TABLES')
            tables = sorted(_DATABASES.get(conn.db) or {})
            return self._set([f'Tables_in_{conn.db}'], [(t,) for t in tables]), extra
        raise ProgrammingError(1064, 'You have an error in your SQL syntax (loopscope '
                               'simulates a small subset of MySQL)')

    async def fetchone(self):
        if self._pos >= len(self._rows):
            return None
        self._pos += 1
        return self._rows[self._pos - 1]

    async def fetchmany(self, size=1):
        out = self._rows[self._pos:self._pos + size]
        self._pos += len(out)
        return tuple(out)

    async def fetchall(self):
        out = self._rows[self._pos:]
        self._pos = len(self._rows)
        return tuple(out)

    async def close(self):
        self._rows = []


class _CursorContext:
    """conn.cursor(): awaitable (`cur = await conn.cursor()`) or `async with`."""

    def __init__(self, cursor):
        self._cursor = cursor

    def __await__(self):
        return _net.drive(self._ready())

    async def _ready(self):
        return self._cursor

    async def __aenter__(self):
        return self._cursor

    async def __aexit__(self, *exc):
        await self._cursor.close()


async def connect(host='localhost', user=None, password='', db=None, port=3306,
                  loop=None, autocommit=False, **kwargs):
    name = _net._canon(host)
    key = f'{name}:{port}'
    if key not in _net.hosts():
        raise OperationalError(2003, f"Can't connect to MySQL server on '{host}'")
    conn = Connection(name, port, user, db, autocommit)
    if db is not None and db not in _DATABASES:
        raise OperationalError(1049, f"Unknown database '{db}'")
    # The handshake: two round trips (greeting, then authentication).
    await conn._round_trip()
    await conn._round_trip()
    return conn


class Pool:
    def __init__(self, minsize, maxsize, kwargs):
        self.minsize = minsize
        self.maxsize = maxsize
        self._kwargs = kwargs
        self._free = []
        self._sem = asyncio.Semaphore(maxsize)
        self._closed = False

    def acquire(self):
        return _PoolAcquire(self)

    async def _get(self):
        await self._sem.acquire()
        if self._free:
            return self._free.pop()
        return await connect(**self._kwargs)

    def release(self, conn):
        self._free.append(conn)
        self._sem.release()

    def close(self):
        self._closed = True

    async def wait_closed(self):
        for c in self._free:
            c.close()
        self._free = []

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


class _PoolAcquire:
    def __init__(self, pool):
        self._pool = pool
        self._conn = None

    def __await__(self):
        return _net.drive(self._pool._get())

    async def __aenter__(self):
        self._conn = await self._pool._get()
        return self._conn

    async def __aexit__(self, *exc):
        self._pool.release(self._conn)


async def create_pool(minsize=1, maxsize=10, loop=None, **kwargs):
    pool = Pool(minsize, maxsize, kwargs)
    for _ in range(minsize):
        pool._free.append(await connect(**kwargs))
    return pool
