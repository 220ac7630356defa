# Throwing into a generator or coroutine that has not started raises it at the function's
# first line (its def, or its first decorator), with no carets under it.
import traceback


def deco(f):
    return f


def gen():
    x = 1
    yield x


@deco
def gen2(
    a=1,
):
    yield a


async def coro():
    return 1


for make in (gen, gen2, coro):
    g = make()
    try:
        g.throw(ValueError("thrown in"))
    except ValueError as e:
        tb = e.__traceback__.tb_next
        print(make.__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next)
        print("".join(traceback.format_exception_only(e)), end="")
    print(g.gi_frame if hasattr(g, "gi_frame") else g.cr_frame)
    fresh = make()
    frame = fresh.gi_frame if hasattr(fresh, "gi_frame") else fresh.cr_frame
    print(make.__name__, "unstarted at line", frame.f_lineno)
    fresh.close()
