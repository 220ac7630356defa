# C10K: 10,000 clients served by one event loop, beside one thread per client.
# An echo server on the simulated localhost:8000; every client sends a line and reads it back.
# (Recording all 10,000 takes this page about 20 s and `loopscope run` about 5 s; set N = 1_000
# for a run that loads at once and is easier to step through.)
import asyncio
import time

N = 10_000


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line)
    await writer.drain()
    writer.close()


async def client(i):
    reader, writer = await asyncio.open_connection("localhost", 8000)
    writer.write(f"hello {i}\n".encode())
    await writer.drain()
    echo = await reader.readline()
    writer.close()
    return echo == f"hello {i}\n".encode()


async def main():
    server = await asyncio.start_server(handle, "localhost", 8000)
    start = time.time()
    ok = await asyncio.gather(*(client(i) for i in range(N)))
    print(f"one loop: {sum(ok)} of {N} clients served in {time.time() - start:.3f}s of virtual time")
    server.close()
    await server.wait_closed()


asyncio.run(main())

# The thread-per-client version, scaled down to 100 clients: each thread blocks in its own
# time.sleep (the network wait), and the GIL lets one thread run Python at a time. (Imported
# only now: once threads exist, every instruction costs virtual CPU time, so the loop's time
# above is the network's alone.)
import threading

results = []


def blocking_client(i):
    time.sleep(0.001)  # stands for the round trip
    results.append(i)


start = time.time()
threads = [threading.Thread(target=blocking_client, args=(i,)) for i in range(100)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"threads: {len(results)} clients with {len(threads)} threads in {time.time() - start:.3f}s")
