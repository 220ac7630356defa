# The simulated aiofiles, aioredis and aiomysql stand-ins (in memory, with the latency of
# loopscope.net's hosts 'localhost:6379' and 'localhost:3306': 1 ms and 2 ms round trips).
import asyncio
import aiofiles
import aiomysql
import aioredis
import loopscope.net


def now():
    return f'{asyncio.get_running_loop().time():.4f}'


async def files():
    async with aiofiles.open('notes.txt', 'w') as f:
        await f.write('first line\n')
        await f.write('second line\n')
    async with aiofiles.open('notes.txt') as f:
        async for line in f:
            print(now(), 'file:', line.rstrip())
    f = await aiofiles.open('notes.txt', mode='a')
    await f.write('third\n')
    await f.close()
    async with aiofiles.open('notes.txt') as f:
        print(now(), 'lines:', len(await f.readlines()))
    try:
        await aiofiles.open('missing.txt')
    except FileNotFoundError as e:
        print('FileNotFoundError:', e)


async def redis_new():
    r = aioredis.from_url('redis://localhost', decode_responses=True)
    await r.set('greeting', 'hello')
    print(now(), 'redis get:', await r.get('greeting'))
    hits = [await r.incr('hits'), await r.incr('hits')]
    print(now(), 'incr:', hits)
    await r.set('temp', 'x', ex=1)
    await asyncio.sleep(1.5)
    print(now(), 'expired:', await r.get('temp'))
    await r.close()


async def redis_old():
    # aioredis 1.x, as in the courses.
    redis = await aioredis.create_redis_pool('redis://127.0.0.1:6379', password='secret')
    await redis.hmset_dict('car', key1=1, key2=2, key3=3)
    result = await redis.hgetall('car', encoding='utf-8')
    print(now(), 'hgetall:', result)
    print(now(), 'raw:', await redis.hget('car', 'key1'))
    redis.close()
    await redis.wait_closed()


async def mysql():
    conn = await aiomysql.connect(host='127.0.0.1', port=3306, user='root', password='123',
                                  db='mysql')
    cur = await conn.cursor()
    await cur.execute('SELECT Host,User FROM user')
    print(now(), 'users:', await cur.fetchall())
    await cur.close()
    conn.close()
    pool = await aiomysql.create_pool(host='127.0.0.1', port=3306, user='root',
                                      password='123', db='test', minsize=1, maxsize=2)
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute('CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(100), '
                              'year INT)')
            await cur.execute('INSERT INTO books (title, year) VALUES (%s, %s), (%s, %s)',
                              ('Fluent Python', 2015, "Python's asyncio", 2020))
            print(now(), 'inserted', cur.rowcount, 'last id', cur.lastrowid)
            await cur.execute('SELECT id, title FROM books WHERE year > %s ORDER BY id DESC',
                              (2010,))
            print(now(), await cur.fetchone(), await cur.fetchall())
            await cur.execute('SELECT SLEEP(1)')
            print(now(), 'after SLEEP(1)')
            try:
                await cur.execute('SELECT * FROM nope')
            except aiomysql.ProgrammingError as e:
                print('ProgrammingError:', e.args)
        await conn.commit()
    pool.close()
    await pool.wait_closed()


async def main():
    await asyncio.gather(files(), redis_new(), redis_old(), mysql())
    loopscope.net.set_latency('localhost:6379', 0.1)
    r = aioredis.from_url('redis://localhost')
    t0 = asyncio.get_running_loop().time()
    print(await r.get('greeting'), 'in', round(asyncio.get_running_loop().time() - t0, 4))

asyncio.run(main())
