# sys.set_coroutine_origin_tracking_depth (what asyncio's debug mode turns on): a coroutine
# records where it was made, and the "never awaited" warning shows it.
import sys


async def fetch(n):
    return n


def make(n):
    return fetch(n)


print(sys.get_coroutine_origin_tracking_depth())
plain = fetch(0)
print(plain.cr_origin)
plain.close()

sys.set_coroutine_origin_tracking_depth(3)
tracked = make(1)
print([(f.rsplit("/", 1)[-1], line, name) for f, line, name in tracked.cr_origin])
tracked.close()
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError:", e)
print(sys.get_coroutine_origin_tracking_depth())


def forget():
    make(2)


forget()
print("done")
