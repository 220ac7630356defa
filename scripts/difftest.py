#!/usr/bin/env python3
"""Differential testing of loopscope against CPython 3.11 (the conformance oracle).

Generates random but valid asyncio programs (timers, tasks, futures, combinators, sync
primitives, queues, async generators, loop callbacks), runs each under
`oracle.py [--handles]` and `loopscope run [--handles]`, and reports every program whose
stdout or stderr differs (addresses masked, CPython's asyncio directory read as
`<loopscope>/asyncio/`).

    scripts/difftest.py gen SEED                # print the program for SEED
    scripts/difftest.py run [-n 200] [--start S] [--out DIR] [--ls BIN] [-j 2]
                                                # generate+compare seeds S..S+n-1; differing
                                                # programs are kept in DIR (default
                                                # target/difftest) with both outputs
    scripts/difftest.py check FILE.py [--ls BIN]  # compare one (e.g. minimized) script

A program whose CPython output depends on memory addresses (sets of tasks inside asyncio:
TaskGroup aborts, asyncio.run's leftover tasks, shutdown_asyncgens) is detected by running
the oracle through tests/conformance/order_check.py in both orders, and only the parts that
agree are compared (stdout alone when only --handles differ, nothing when stdout differs).
"""
import os
import random
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE = "/work/shared/conformance/oracle.py"
if not os.path.exists(ORACLE):
    ORACLE = os.path.join(ROOT, "tests/conformance/oracle.py")
ORDER = os.path.join(ROOT, "tests/conformance/order_check.py")

PRELUDE = '''\
import asyncio, re, sys
from functools import partial

def now():
    return f"{asyncio.get_running_loop().time():.4f}"

def log(*a):
    print(now(), *a)

def show(x):
    return re.sub(r"0x[0-9a-f]+", "0x?", repr(x))

def outcome(aw):
    # what a finished awaitable holds, without raising
    if not aw.done():
        return "pending"
    if aw.cancelled():
        return "cancelled"
    e = aw.exception()
    if e is not None:
        return f"{type(e).__name__}{e.args!r}"
    return f"result={aw.result()!r}"

async def work(tag, d, kind="ret", swallow=False):
    try:
        if d is None:
            pass
        elif d == 0:
            await asyncio.sleep(0)
        else:
            await asyncio.sleep(d)
    except asyncio.CancelledError as e:
        log(tag, "cancelled", e.args)
        if swallow:
            return tag + "-swallowed"
        raise
    finally:
        pass
    if kind == "raise":
        raise ValueError(tag)
    if kind == "key":
        raise KeyError(tag)
    if kind == "cancel":
        raise asyncio.CancelledError(tag)
    log(tag, "done")
    return tag
'''


def rdelay(r, zero=True):
    return r.choice(([0, 0] if zero else []) + [0.1, 0.1, 0.2, 0.25, 0.3, 0.5, 1, 1.5, 0.05])


def rkind(r):
    return r.choice(["ret", "ret", "ret", "raise", "key", "cancel"])


def rwork(r, tag, allow_cancel=True, delay=None):
    d = rdelay(r) if delay is None else delay
    k = rkind(r) if allow_cancel else r.choice(["ret", "ret", "raise"])
    sw = r.random() < 0.15
    if r.random() < 0.1:
        d = "None"
    return f"work({tag!r}, {d}, {k!r}, {sw})"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.seed = seed
        self.defs = []
        self.n = 0

    def name(self, p):
        self.n += 1
        return f"{p}{self.n}"

    def add(self, name, body):
        lines = [f"async def {name}():"]
        for ln in body:
            lines.append("    " + ln)
        self.defs.append("\n".join(lines))
        return name

    # --- scenarios: each returns the name of an async function taking no args -------------

    def s_sleep(self):
        r = self.r
        n = self.name("sl")
        k = r.randint(2, 5)
        body = ["ts = []"]
        for i in range(k):
            nm = f"{n}_{i}" if r.random() < 0.5 else None
            body.append(f"ts.append(asyncio.create_task({rwork(r, f'{n}w{i}', False)}"
                        + (f", name={nm!r}))" if nm else "))"))
        body += [
            "for t in ts:",
            "    try:",
            "        log(await t)",
            "    except Exception as e:",
            "        log('err', type(e).__name__, e)",
            "log([t.get_name().startswith('Task-') for t in ts])",
        ]
        return self.add(n, body)

    def s_gather(self):
        r = self.r
        n = self.name("ga")
        k = r.randint(1, 4)
        rex = r.choice([True, False])
        items = []
        for i in range(k):
            if r.random() < 0.2:
                items.append(f"asyncio.gather({rwork(r, f'{n}i{i}a')}, {rwork(r, f'{n}i{i}b')}, return_exceptions={r.choice([True, False])})")
            elif r.random() < 0.3:
                items.append(f"asyncio.create_task({rwork(r, f'{n}c{i}')})")
            else:
                items.append(rwork(r, f"{n}c{i}"))
        body = [f"g = asyncio.gather({', '.join(items)}, return_exceptions={rex})"]
        act = r.choice(["none", "none", "cancel", "cancel_msg", "wait_for"])
        if act == "cancel":
            body += [f"await asyncio.sleep({rdelay(r)})", "log('cancel gather', g.cancel())"]
        elif act == "cancel_msg":
            body += [f"await asyncio.sleep({rdelay(r)})", "log('cancel gather', g.cancel('stop'))"]
        if act == "wait_for":
            body += ["try:", f"    log('gathered', await asyncio.wait_for(g, {rdelay(r)}))"]
        else:
            body += ["try:", "    log('gathered', await g)"]
        body += [
            "except asyncio.CancelledError as e:",
            "    log('gather cancelled', e.args)",
            "except Exception as e:",
            "    log('gather err', type(e).__name__, e.args)",
            "log('g', g.done(), g.cancelled())",
            "await asyncio.sleep(2)",
        ]
        return self.add(n, body)

    def s_wait(self):
        r = self.r
        n = self.name("wa")
        k = r.randint(1, 4)
        rw = r.choice(["asyncio.ALL_COMPLETED", "asyncio.FIRST_COMPLETED", "asyncio.FIRST_EXCEPTION"])
        to = r.choice(["None", "None", rdelay(r, False), 0])
        body = ["ts = []"]
        for i in range(k):
            body.append(f"ts.append(asyncio.create_task({rwork(r, f'{n}t{i}')}, name='{n}t{i}'))")
        body += [
            f"done, pending = await asyncio.wait(ts, timeout={to}, return_when={rw})",
            "log('done', sorted(t.get_name() for t in done), 'pending', sorted(t.get_name() for t in pending))",
            "for t in sorted(done, key=lambda t: t.get_name()):",
            "    log(t.get_name(), outcome(t))",
            "for t in sorted(pending, key=lambda t: t.get_name()):",
            "    t.cancel()" if r.random() < 0.7 else "    pass",
            "res = await asyncio.gather(*ts, return_exceptions=True)",
            "log([type(x).__name__ if isinstance(x, BaseException) else x for x in res])",
        ]
        return self.add(n, body)

    def s_wait_for(self):
        r = self.r
        n = self.name("wf")
        inner = rwork(r, f"{n}in")
        if r.random() < 0.3:
            inner = f"asyncio.create_task({inner})"
        to = r.choice(["None", 0, -1, rdelay(r, False), rdelay(r, False)])
        body = [
            "try:",
            f"    log('wait_for', await asyncio.wait_for({inner}, {to}))",
            "except asyncio.TimeoutError as e:",
            "    log('timeout', type(e).__name__, e.args)",
            "except asyncio.CancelledError as e:",
            "    log('cancelled', e.args)",
            "except Exception as e:",
            "    log('err', type(e).__name__, e.args)",
        ]
        return self.add(n, body)

    def s_shield(self):
        r = self.r
        n = self.name("sh")
        body = [
            f"inner = asyncio.create_task({rwork(r, f'{n}in')})",
            "outer = asyncio.shield(inner)",
        ]
        how = r.choice(["wait_for", "cancel", "plain"])
        if how == "wait_for":
            body += ["try:", f"    log(await asyncio.wait_for(outer, {rdelay(r, False)}))"]
        elif how == "cancel":
            body += [f"asyncio.get_running_loop().call_later({rdelay(r, False)}, outer.cancel)",
                     "try:", "    log(await outer)"]
        else:
            body += ["try:", "    log(await outer)"]
        body += [
            "except asyncio.CancelledError:",
            "    log('outer cancelled', inner.done())",
            "except Exception as e:",
            "    log('err', type(e).__name__, e.args)",
            "try:",
            "    await inner",
            "except BaseException as e:",
            "    log('inner', type(e).__name__)",
            "log(outcome(inner), outcome(outer))",
        ]
        return self.add(n, body)

    def s_timeout(self):
        r = self.r
        n = self.name("to")
        at = r.random() < 0.4
        d = r.choice([0, -1, None] + [rdelay(r, False)] * 3)
        if d is None:
            cm = "asyncio.timeout(None)"
        elif at:
            cm = f"asyncio.timeout_at(asyncio.get_running_loop().time() + {d})"
        else:
            cm = f"asyncio.timeout({d})"
        body = ["try:", f"    async with {cm} as cm:"]
        body.append(f"        log('in', cm.expired(), cm.when() is None)")
        if r.random() < 0.4:
            nd = rdelay(r, False)
            body.append(f"        cm.reschedule(asyncio.get_running_loop().time() + {nd})")
        if r.random() < 0.2:
            body.append("        cm.reschedule(None)")
        if r.random() < 0.3:
            body += ["        try:", f"            await {rwork(r, f'{n}b', False)}",
                     "        except asyncio.CancelledError:", "            log('swallow in body')"]
        else:
            body.append(f"        await {rwork(r, f'{n}b', False)}")
        if r.random() < 0.3:
            body += [f"        async with asyncio.timeout({rdelay(r, False)}):",
                     f"            await asyncio.sleep({rdelay(r)})"]
        body += [
            "    log('body finished', cm.expired())",
            "except TimeoutError as e:",
            "    log('TimeoutError', e.args, cm.expired())",
            "except Exception as e:",
            "    log('err', type(e).__name__, e.args)",
        ]
        return self.add(n, body)

    def s_taskgroup(self):
        r = self.r
        n = self.name("tg")
        k = r.randint(1, 4)
        body = ["ts = []", "try:", "    async with asyncio.TaskGroup() as tg:"]
        # at most one child may be still pending when the group aborts, so the cancellation
        # order does not depend on addresses; others finish before any failure.
        fail_at = r.choice([None, 0.5, 1])
        for i in range(k):
            if fail_at is not None and i == 0:
                w = f"work('{n}f', {fail_at}, {r.choice(['raise', 'key'])!r})"
            else:
                w = rwork(r, f"{n}c{i}", False, delay=r.choice([0, 0.1, 0.2]))
            body.append(f"        ts.append(tg.create_task({w}, name='{n}c{i}'))")
        if r.random() < 0.3:
            body += ["        async with asyncio.TaskGroup() as tg2:",
                     f"            tg2.create_task({rwork(r, f'{n}n', False, delay=0.1)})"]
        if r.random() < 0.2:
            body.append("        raise RuntimeError('body')")
        body += [
            "    log('tg ok', [outcome(t) for t in ts])",
            "except* ValueError as eg:",
            "    log('ValueError group', [str(e) for e in eg.exceptions])",
            "except* KeyError as eg:",
            "    log('KeyError group', [repr(e) for e in eg.exceptions])",
            "except* RuntimeError as eg:",
            "    log('RuntimeError group', [str(e) for e in eg.exceptions])",
            "log(sorted((t.get_name(), outcome(t)) for t in ts))",
        ]
        return self.add(n, body)

    def s_as_completed(self):
        r = self.r
        n = self.name("ac")
        k = r.randint(1, 4)
        to = r.choice(["None", "None", rdelay(r, False)])
        body = ["ts = []"]
        for i in range(k):
            body.append(f"ts.append(asyncio.create_task({rwork(r, f'{n}t{i}', False)}, name='{n}t{i}'))")
        body += [
            "try:",
            f"    for f in asyncio.as_completed(ts, timeout={to}):",
            "        try:",
            "            log('got', await f)",
            "        except ValueError as e:",
            "            log('ValueError', e.args)",
            "except TimeoutError:",
            "    log('as_completed timeout')",
            "for t in ts:",
            "    t.cancel()",
            "await asyncio.sleep(0)",
            "log([outcome(t) for t in ts])",
        ]
        return self.add(n, body)

    def s_cancel(self):
        r = self.r
        n = self.name("ca")
        msg = r.choice(["None", "'why'", "'x'"])
        body = [
            f"t = asyncio.create_task({rwork(r, f'{n}t')}, name='{n}t')",
            f"await asyncio.sleep({rdelay(r)})",
            f"log('cancel', t.cancel({msg}))" if msg != "None" else "log('cancel', t.cancel())",
        ]
        if r.random() < 0.4:
            body.append("log('cancel again', t.cancel(), t.cancelling())")
        if r.random() < 0.3:
            body.append("log('uncancel', t.uncancel(), t.cancelling())")
        body += [
            "log(show(t).replace(__file__, 'F'))",
            "try:",
            "    log('result', await t)",
            "except asyncio.CancelledError as e:",
            "    log('CancelledError', e.args)",
            "except Exception as e:",
            "    log('err', type(e).__name__, e.args)",
            "log(outcome(t), t.cancelling())",
        ]
        if r.random() < 0.5:
            body += ["try:", "    t.result()", "except BaseException as e:",
                     "    log('result()', type(e).__name__, e.args)"]
        return self.add(n, body)

    def s_self_cancel(self):
        r = self.r
        n = self.name("sc")
        body = [
            "async def inner():",
            "    me = asyncio.current_task()",
            "    me.cancel()",
            "    log('cancelling', me.cancelling())",
            "    try:",
            f"        await asyncio.sleep({rdelay(r)})",
            "    except asyncio.CancelledError:",
            "        log('caught')",
            "        " + r.choice(["raise", "me.uncancel()", "pass"]),
            "    log('after', me.cancelling())",
            f"    await asyncio.sleep({rdelay(r)})",
            "    return 'end'",
            "t = asyncio.create_task(inner())",
            "try:",
            "    log(await t)",
            "except asyncio.CancelledError:",
            "    log('inner cancelled')",
            "log(outcome(t))",
        ]
        return self.add(n, body)

    def s_unawaited_exc(self):
        r = self.r
        n = self.name("ue")
        body = [
            f"t = asyncio.create_task(work('{n}', {rdelay(r)}, 'raise'))",
            f"await asyncio.sleep({rdelay(r)})",
            "log(t.done())",
        ]
        if r.random() < 0.5:
            body += ["del t"]
        body.append("await asyncio.sleep(0.1)")
        return self.add(n, body)

    def s_future(self):
        r = self.r
        n = self.name("fu")
        body = [
            "loop = asyncio.get_running_loop()",
            "fut = loop.create_future()",
            "log(show(fut))",
        ]
        for i in range(r.randint(0, 3)):
            if r.random() < 0.5:
                body.append(f"fut.add_done_callback(lambda f, i={i}: log('{n} cb', i, outcome(f)))")
            else:
                body.append(f"fut.add_done_callback(partial(print, '{n} partial {i}'))")
        if r.random() < 0.3:
            body.append("log('removed', fut.remove_done_callback(print))")
        act = r.choice(["res", "exc", "cancel", "cancel_msg", "later_res", "later_exc"])
        if act == "res":
            body.append(f"fut.set_result({r.randint(0, 9)})")
        elif act == "exc":
            body.append("fut.set_exception(ValueError('bad'))")
        elif act == "cancel":
            body.append("log('cancel', fut.cancel())")
        elif act == "cancel_msg":
            body.append("log('cancel', fut.cancel('m'))")
        elif act == "later_res":
            body.append(f"loop.call_later({rdelay(r, False)}, fut.set_result, 'late')")
        else:
            body.append(f"loop.call_later({rdelay(r, False)}, fut.set_exception, KeyError('late'))")
        body += [
            "log(show(fut))",
            "for op in ('result', 'exception'):",
            "    try:",
            "        log(op, getattr(fut, op)())",
            "    except BaseException as e:",
            "        log(op, type(e).__name__, e.args)",
            "try:",
            "    fut.set_result(1)",
            "except asyncio.InvalidStateError as e:",
            "    log('InvalidStateError', e)",
            "try:",
            "    log('await', await fut)",
            "except BaseException as e:",
            "    log('await', type(e).__name__, e.args)",
            "if not fut.cancelled():",
            "    fut.add_done_callback(lambda f: log('late cb'))",
            "await asyncio.sleep(0)",
            "log(show(fut))",
        ]
        return self.add(n, body)

    def s_callbacks(self):
        r = self.r
        n = self.name("cb")
        body = ["loop = asyncio.get_running_loop()", "hs = []", "t0 = loop.time()"]
        for i in range(r.randint(2, 7)):
            c = r.random()
            if c < 0.3:
                body.append(f"hs.append(loop.call_soon(log, '{n}', {i}))")
            elif c < 0.6:
                body.append(f"hs.append(loop.call_later({r.choice([0, 0.1, 0.1, 0.2, -1])}, log, '{n}', {i}))")
            elif c < 0.85:
                body.append(f"hs.append(loop.call_at(t0 + {r.choice([0, 0.1, 0.2, 0.3])}, log, '{n}', {i}))")
            else:
                body.append(f"hs.append(loop.call_soon(lambda: (log('{n} nested', {i}), loop.call_soon(log, '{n} inner', {i}))))")
        for _ in range(r.randint(0, 2)):
            body.append(f"hs[{r.randint(0, 1)}].cancel()")
        if r.random() < 0.3:
            body.append(f"loop.call_soon(lambda: 1 / 0)")
        body += [
            "log([h.cancelled() for h in hs])",
            "log([type(h).__name__ for h in hs])",
            "log([round(h.when() - t0, 3) for h in hs if isinstance(h, asyncio.TimerHandle)])",
            "await asyncio.sleep(0.5)",
        ]
        return self.add(n, body)

    def s_lock(self):
        r = self.r
        n = self.name("lk")
        k = r.randint(2, 4)
        body = [
            "lock = asyncio.Lock()",
            "async def user(i, d):",
            "    async with lock:",
            "        log('holds', i, lock.locked())",
            "        await asyncio.sleep(d)",
            "    log('released', i)",
            "ts = [asyncio.create_task(user(i, %s)) for i in range(%d)]" % (r.choice([0, 0.1, 0.2]), k),
        ]
        if r.random() < 0.5:
            body += [f"await asyncio.sleep({r.choice([0, 0.05, 0.1])})", f"ts[{r.randint(0, k - 1)}].cancel()"]
        if r.random() < 0.2:
            body += ["try:", "    lock.release()", "except RuntimeError as e:", "    log('RuntimeError', e)"]
        body += ["await asyncio.gather(*ts, return_exceptions=True)", "log(show(lock), [outcome(t) for t in ts])"]
        return self.add(n, body)

    def s_event(self):
        r = self.r
        n = self.name("ev")
        body = [
            "ev = asyncio.Event()",
            "async def waiter(i):",
            "    log('wait', i)",
            "    r = await ev.wait()",
            "    log('woke', i, r, ev.is_set())",
            f"ts = [asyncio.create_task(waiter(i)) for i in range({r.randint(1, 3)})]",
            f"await asyncio.sleep({rdelay(r)})",
        ]
        if r.random() < 0.3:
            body.append("ts[0].cancel()")
        body.append("ev.set()")
        if r.random() < 0.4:
            body.append("ev.clear()")
        body += ["await asyncio.gather(*ts, return_exceptions=True)", "log(show(ev))"]
        return self.add(n, body)

    def s_condition(self):
        r = self.r
        n = self.name("cv")
        k = r.randint(1, 4)
        body = [
            "cond = asyncio.Condition()",
            "state = [0]",
            "async def waiter(i):",
            "    async with cond:",
        ]
        if r.random() < 0.5:
            body.append(f"        r = await cond.wait_for(lambda: state[0] >= {r.randint(1, 3)})")
        else:
            body.append("        r = await cond.wait()")
        body += [
            "        log('woke', i, r, state[0])",
            f"ts = [asyncio.create_task(waiter(i)) for i in range({k})]",
            "await asyncio.sleep(0)",
        ]
        for _ in range(r.randint(1, 3)):
            how = r.choice(["notify()", "notify(2)", "notify_all()", f"notify({r.randint(0, 3)})"])
            body += [
                f"await asyncio.sleep({rdelay(r)})",
                "async with cond:",
                "    state[0] += 1",
                f"    cond.{how}",
            ]
        if r.random() < 0.3:
            body += ["try:", "    cond.notify()", "except RuntimeError as e:", "    log('RuntimeError', e)"]
        body += [
            "async with cond:",
            "    state[0] += 10",
            "    cond.notify_all()",
            "await asyncio.gather(*ts, return_exceptions=True)",
            "log(show(cond))",
        ]
        return self.add(n, body)

    def s_semaphore(self):
        r = self.r
        n = self.name("se")
        cls = r.choice(["Semaphore", "BoundedSemaphore"])
        v = r.randint(0, 3)
        body = [
            f"sem = asyncio.{cls}({v})",
            "async def user(i, d):",
            "    async with sem:",
            "        log('in', i, sem.locked())",
            "        await asyncio.sleep(d)",
            "    log('out', i)",
            f"ts = [asyncio.create_task(user(i, {r.choice([0, 0.1, 0.2])})) for i in range({r.randint(1, 5)})]",
            "await asyncio.sleep(0)",
        ]
        for _ in range(r.randint(0, 2)):
            body += [f"await asyncio.sleep({rdelay(r)})", "try:", "    sem.release()",
                     "except ValueError as e:", "    log('ValueError', e)"]
        if r.random() < 0.3:
            body += ["ts[-1].cancel()"]
        body += [f"for _ in range({4 - min(v, 3)}):", "    sem.release()" if cls == "Semaphore" else "    pass",
                 "await asyncio.wait(ts, timeout=5)", "log(show(sem), [outcome(t) for t in ts])",
                 "for t in ts: t.cancel()", "await asyncio.sleep(0)"]
        return self.add(n, body)

    def s_barrier(self):
        r = self.r
        n = self.name("ba")
        parties = r.randint(1, 3)
        k = r.randint(1, 4)
        body = [
            f"b = asyncio.Barrier({parties})",
            "async def party(i, d):",
            "    await asyncio.sleep(d)",
            "    try:",
            "        idx = await b.wait()",
            "        log('passed', i, idx)",
            "    except asyncio.BrokenBarrierError:",
            "        log('broken', i)",
            f"ts = [asyncio.create_task(party(i, {r.choice([0, 0.1])} * i)) for i in range({k})]",
            f"await asyncio.sleep({rdelay(r)})",
            "log(b.n_waiting, b.broken)",
        ]
        if r.random() < 0.4:
            body.append(f"await b.{r.choice(['abort', 'reset'])}()")
        body += ["await asyncio.wait(ts, timeout=3)", "log(show(b))",
                 "for t in ts: t.cancel()", "await asyncio.sleep(0)"]
        return self.add(n, body)

    def s_queue(self):
        r = self.r
        n = self.name("qu")
        cls = r.choice(["Queue", "PriorityQueue", "LifoQueue"])
        ms = r.choice([0, 0, 1, 2, 3])
        items = [r.randint(0, 9) for _ in range(r.randint(1, 6))]
        body = [
            f"q = asyncio.{cls}(maxsize={ms})",
            "async def producer():",
            f"    for x in {items!r}:",
            "        await q.put(x)",
            "        log('put', x, q.qsize(), q.full())",
            f"        await asyncio.sleep({r.choice([0, 0, 0.1])})",
            "async def consumer(i):",
            "    while True:",
            "        x = await q.get()",
            "        log('got', i, x)",
            f"        await asyncio.sleep({r.choice([0, 0.1, 0.2])})",
            "        q.task_done()",
            "try:",
            "    q.get_nowait()",
            "except asyncio.QueueEmpty as e:",
            "    log('QueueEmpty', repr(e))",
            f"cs = [asyncio.create_task(consumer(i)) for i in range({r.randint(1, 3)})]",
            "p = asyncio.create_task(producer())",
        ]
        if ms and r.random() < 0.5:
            body += ["try:", "    for i in range(5): q.put_nowait(100 + i)", "except asyncio.QueueFull as e:",
                     "    log('QueueFull', repr(e), q.qsize())"]
        body += ["await p", "await q.join()", "log('joined', q.empty(), show(q))"]
        if r.random() < 0.3:
            body += ["try:", "    q.task_done()", "except ValueError as e:", "    log('ValueError', e)"]
        body += ["for c in cs: c.cancel()", "await asyncio.gather(*cs, return_exceptions=True)",
                 "log(show(q))"]
        return self.add(n, body)

    def s_agen(self):
        r = self.r
        n = self.name("ag")
        body = [
            "async def gen(k):",
            "    try:",
            "        for i in range(k):",
            f"            await asyncio.sleep({r.choice([0, 0.1])})",
            "            yield i",
            "    except GeneratorExit:",
            "        log('GeneratorExit')",
            "        raise",
            "    finally:",
            "        log('gen finally')",
        ]
        how = r.choice(["for", "break", "aclose", "athrow", "anext"])
        k = r.randint(0, 4)
        if how == "for":
            body += [f"log([x async for x in gen({k})])"]
        elif how == "break":
            body += ["g = gen(5)", "async for x in g:", "    log('x', x)", f"    if x >= {k}: break",
                     "log('after break')", "await g.aclose()"]
        elif how == "aclose":
            body += ["g = gen(5)", f"for _ in range({k}):", "    log(await g.__anext__())",
                     "await g.aclose()", "log('closed')", "try:", "    await g.__anext__()",
                     "except StopAsyncIteration:", "    log('StopAsyncIteration')"]
        elif how == "athrow":
            body += ["g = gen(5)", "log(await g.asend(None))", "try:", "    await g.athrow(ValueError('t'))",
                     "except ValueError as e:", "    log('thrown back', e)"]
        else:
            body += ["g = gen(2)", "for _ in range(4):", "    log(await anext(g, 'dflt'))"]
        return self.add(n, body)


    def s_mixed(self):
        # Several tasks over shared primitives, each a random sequence of operations, with
        # timeouts on every wait so nothing deadlocks; cancellations across tasks.
        r = self.r
        n = self.name("mx")
        k = r.randint(2, 5)
        body = [
            "lock = asyncio.Lock()", "ev = asyncio.Event()",
            f"q = asyncio.{r.choice(['Queue', 'LifoQueue', 'PriorityQueue'])}({r.choice([0, 1, 2])})",
            f"sem = asyncio.{r.choice(['Semaphore', 'BoundedSemaphore'])}({r.randint(1, 2)})",
            "cond = asyncio.Condition(lock)" if r.random() < 0.3 else "cond = asyncio.Condition()",
            "ts = []",
        ]
        for i in range(k):
            ops = []
            for j in range(r.randint(2, 7)):
                t = r.choice([0.05, 0.1, 0.2, 0.3, 0.5])
                d = rdelay(r)
                c = r.randrange(17)
                if c == 0:
                    op = [f"await asyncio.sleep({d})"]
                elif c == 1:
                    op = ["async with lock:", f"    log('{n}', {i}, 'lock')", f"    await asyncio.sleep({d})"]
                elif c == 2:
                    op = [f"log('{n}', {i}, 'ev', await asyncio.wait_for(ev.wait(), {t}))"]
                elif c == 3:
                    op = [f"ev.{r.choice(['set', 'set', 'clear'])}()"]
                elif c == 4:
                    op = [f"await asyncio.wait_for(q.put({r.randint(0, 9)}), {t})"]
                elif c == 5:
                    op = [f"log('{n}', {i}, 'got', await asyncio.wait_for(q.get(), {t}))"]
                elif c == 6:
                    op = [f"q.put_nowait({r.randint(0, 9)})" if r.random() < 0.5 else f"log('{n}', {i}, 'got', q.get_nowait())"]
                elif c == 7:
                    op = ["async with sem:", f"    log('{n}', {i}, 'sem')", f"    await asyncio.sleep({d})"]
                elif c == 8:
                    op = ["async with cond:", f"    cond.{r.choice(['notify()', 'notify(2)', 'notify_all()'])}"]
                elif c == 9:
                    op = ["async with cond:", f"    log('{n}', {i}, 'cond', await asyncio.wait_for(cond.wait(), {t}))"]
                elif c == 10 and k > 1:
                    other = r.randrange(k)
                    msg = r.choice(["", "'m'"])
                    op = [f"log('{n}', {i}, 'cancel', {other}, ts[{other}].cancel({msg}))"]
                elif c == 11 and i > 0:
                    other = r.randrange(i)
                    op = [f"log('{n}', {i}, 'awaited', await asyncio.wait_for(asyncio.shield(ts[{other}]), {t}))"]
                elif c == 12:
                    op = [f"async with asyncio.timeout({t}):", f"    await asyncio.sleep({d})"]
                elif c == 13:
                    op = [f"raise ValueError('{n}{i}')"] if r.random() < 0.3 else ["await asyncio.sleep(0)"]
                elif c == 14:
                    op = [f"log('{n}', {i}, 'gathered', await asyncio.gather(asyncio.sleep({d}, 'a'), work('{n}{i}g', {rdelay(r)}, {r.choice(['ret', 'raise'])!r}), return_exceptions=True))"]
                elif c == 15:
                    op = [f"log('{n}', {i}, show(ts[{r.randrange(k)}]).replace(__file__, 'F'))"]
                else:
                    op = [f"log('{n}', {i}, 'wait_for', await asyncio.wait_for(asyncio.sleep({d}, 'r'), {t}))"]
                ops += ["try:"] + ["    " + o for o in op] + [
                    "except (TimeoutError, asyncio.QueueEmpty, asyncio.QueueFull, RuntimeError) as e:",
                    f"    log('{n}', {i}, {j}, type(e).__name__)"]
            swallow = r.random() < 0.2
            fn = [f"async def t{i}():", "    try:"] + ["        " + o for o in ops] + [
                "    except asyncio.CancelledError as e:",
                f"        log('{n}', {i}, 'cancelled', e.args)",
                "        " + ("return 'swallowed'" if swallow else "raise"),
                f"    log('{n}', {i}, 'end')",
                f"    return {i}"]
            body += fn
            body.append(f"ts.append(asyncio.create_task(t{i}(), name='{n}_{i}'))")
        body += [
            "done, pending = await asyncio.wait(ts, timeout=30)",
            "for t in sorted(pending, key=lambda t: t.get_name()):",
            "    t.cancel()",
            "await asyncio.wait(ts)",
            "log([outcome(t) for t in ts])",
            "log(q.qsize(), ev.is_set(), lock.locked(), sem.locked())",
        ]
        return self.add(n, body)

    def s_handler(self):
        # exceptions reaching the loop's exception handler: callbacks, done callbacks,
        # never-retrieved task and future exceptions
        r = self.r
        n = self.name("hd")
        body = ["loop = asyncio.get_running_loop()"]
        if r.random() < 0.5:
            body += [
                "def handler(loop, ctx):",
                f"    print('{n} handler', ctx['message'], sorted(ctx), type(ctx.get('exception')).__name__)",
                "loop.set_exception_handler(handler)",
            ]
        for i in range(r.randint(1, 3)):
            c = r.randrange(5)
            if c == 0:
                body.append(f"loop.call_soon(lambda: 1 / 0)")
            elif c == 1:
                body += ["f = loop.create_future()",
                         f"f.add_done_callback(lambda f: {{}}['{n}{i}'])",
                         f"loop.call_later({rdelay(r, False)}, f.set_result, {i})"]
            elif c == 2:
                body += [f"t = asyncio.create_task(work('{n}{i}', {rdelay(r)}, 'raise'))",
                         f"await asyncio.sleep({rdelay(r)})", "del t"]
            elif c == 3:
                body += ["f = loop.create_future()", f"f.set_exception(KeyError({i}))", "del f"]
            else:
                body += [f"t = asyncio.create_task(work('{n}{i}', 0.1, 'raise'))",
                         "t.add_done_callback(lambda t: log('cb', t.exception()))"]
        body += ["await asyncio.sleep(1)", "loop.set_exception_handler(None)"]
        return self.add(n, body)


    FAILS = [
        "await asyncio.wait_for(asyncio.sleep(1), 0.1)",
        "await asyncio.wait_for(work('X', 0.1, 'raise'), 1)",
        "async with asyncio.timeout(0.1):\n    await asyncio.sleep(1)",
        "async with asyncio.timeout(0.1):\n    await work('X', 0.2, 'ret')",
        "await asyncio.gather(work('X', 0.1, 'raise'), asyncio.sleep(0.2))",
        "await asyncio.gather(work('X', 0, 'key'), work('Y', 0.1, 'raise'))",
        "async with asyncio.TaskGroup() as tg:\n    tg.create_task(work('X', 0.1, 'raise'))",
        "async with asyncio.TaskGroup() as tg:\n    tg.create_task(work('X', 0.1, 'raise'))\n    tg.create_task(work('Y', 0.1, 'key'))",
        "async with asyncio.TaskGroup() as tg:\n    tg.create_task(asyncio.sleep(1))\n    raise KeyError('body')",
        "asyncio.Queue().get_nowait()",
        "q = asyncio.Queue(1)\nq.put_nowait(1)\nq.put_nowait(2)",
        "asyncio.Lock().release()",
        "asyncio.Semaphore(0).release()\nasyncio.BoundedSemaphore(1).release()",
        "asyncio.get_running_loop().create_future().result()",
        "for f in asyncio.as_completed([asyncio.sleep(1)], timeout=0.1):\n    await f",
        "await asyncio.shield(work('X', 0.1, 'raise'))",
        "t = asyncio.create_task(work('X', 0.1, 'raise'))\nawait t",
        "t = asyncio.create_task(asyncio.sleep(1))\nasyncio.get_running_loop().call_later(0.1, t.cancel, 'bye')\nawait t",
        "t = asyncio.create_task(asyncio.sleep(1))\nasyncio.get_running_loop().call_later(0.1, t.cancel)\nawait asyncio.wait_for(t, 5)",
        "f = asyncio.get_running_loop().create_future()\nasyncio.get_running_loop().call_later(0.1, f.set_exception, KeyError('k'))\nawait f",
        "b = asyncio.Barrier(2)\nasyncio.get_running_loop().call_later(0.1, lambda: asyncio.ensure_future(b.abort()))\nawait b.wait()",
        "await asyncio.wait_for(asyncio.Event().wait(), 0.1)",
        "await asyncio.wait_for(asyncio.Queue().get(), 0)",
        "l = asyncio.Lock()\nawait l.acquire()\nawait asyncio.wait_for(l.acquire(), 0.1)",
        "c = asyncio.Condition()\nawait c.wait()",
        "c = asyncio.Condition()\nasync with c:\n    await asyncio.wait_for(c.wait_for(lambda: False), 0.1)",
        "async def ag():\n    yield 1\n    raise ValueError('ag')\nasync for x in ag():\n    pass",
        "await asyncio.wait([])",
        "await asyncio.sleep(0.1)\nasyncio.current_task().cancel()\nawait asyncio.sleep(0)",
        "await asyncio.wait_for(asyncio.gather(asyncio.sleep(1), work('X', 0.5, 'ret')), 0.2)",
        "async with asyncio.timeout(0.2):\n    await asyncio.gather(asyncio.sleep(1), asyncio.sleep(0.5))",
        "async with asyncio.timeout(0.1):\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(asyncio.sleep(1))",
        "await asyncio.wait_for(asyncio.shield(asyncio.sleep(1)), 0.1)",
    ]

    def s_traceback(self):
        # an operation that fails, its whole traceback printed (chained exceptions through
        # asyncio's own frames)
        r = self.r
        n = self.name("tb")
        body = ["import traceback"]
        for _ in range(r.randint(1, 2)):
            op = r.choice(self.FAILS).split("\n")
            body += ["try:"] + ["    " + o for o in op] + [
                "except BaseException as e:",
                f"    log('{n}', type(e).__name__)",
                "    traceback.print_exc()",
            ]
        return self.add(n, body)


    def s_misc(self):
        # task introspection, contextvars across tasks and callbacks, sleep(result=),
        # run_in_executor-free loop APIs
        r = self.r
        n = self.name("mi")
        body = [
            "import contextvars",
            f"cv = contextvars.ContextVar('{n}', default='unset')",
            "loop = asyncio.get_running_loop()",
            "async def child(i):",
            "    log('child', i, cv.get(), asyncio.current_task().get_name())",
            f"    cv.set('child{{i}}')",
            f"    return await asyncio.sleep({rdelay(r)}, result=i)",
            f"cv.set('{n}-main')",
            "ts = []",
        ]
        for i in range(r.randint(1, 3)):
            if r.random() < 0.5:
                ctx = "contextvars.copy_context()"
                body.append(f"ts.append(asyncio.create_task(child({i}), name='{n}c{i}', context={ctx}))")
            else:
                body.append(f"ts.append(loop.create_task(child({i})))")
            if r.random() < 0.3:
                body.append(f"cv.set('{n}-changed{i}')")
        body += [
            "ts[0].set_name('renamed')" if r.random() < 0.3 else "pass",
            "log(len(asyncio.all_tasks()) >= len(ts), [t.get_coro().__name__ for t in ts])",
            "loop.call_soon(lambda: log('cb sees', cv.get()))",
            "ctx = contextvars.copy_context()",
            "ctx.run(cv.set, 'in ctx')",
            "loop.call_soon(lambda: log('cb ctx', cv.get()), context=ctx)",
            "log(await asyncio.gather(*ts), cv.get())",
            "log([show(t).replace(__file__, 'F') for t in ts])",
        ]
        return self.add(n, body)

    def s_runner_loop(self):
        # nested manual loop APIs are refused inside a running loop
        r = self.r
        n = self.name("rl")
        body = [
            "loop = asyncio.get_running_loop()",
            # (the coroutines are closed by hand: when CPython drops a refused one depends on
            # the traceback holding the frames, which loopscope's does not)
            "c1, c2 = asyncio.sleep(0), asyncio.sleep(0)",
            "for f in (lambda: loop.run_until_complete(c1), lambda: loop.run_forever(),",
            "          lambda: asyncio.run(c2)):",
            "    try:",
            "        f()",
            "    except RuntimeError as e:",
            "        log('RuntimeError', e)",
            "c1.close(); c2.close()",
            f"fut = loop.run_in_executor(None, lambda: {r.randint(0, 9)})" if False else "fut = None",
            f"h = loop.call_later({rdelay(r, False)}, log, 'timer')",
            "log(show(h).replace(__file__, 'F'))",
            f"await asyncio.sleep({rdelay(r)})",
            "log(show(h).replace(__file__, 'F'), h.cancelled())",
            "h.cancel()",
            "log(show(h).replace(__file__, 'F'), h.cancelled())",
        ]
        return self.add(n, body)

    SCEN = ["s_sleep", "s_gather", "s_wait", "s_wait_for", "s_shield", "s_timeout", "s_taskgroup",
            "s_as_completed", "s_cancel", "s_self_cancel", "s_unawaited_exc", "s_future",
            "s_callbacks", "s_lock", "s_event", "s_condition", "s_semaphore", "s_barrier",
            "s_queue", "s_agen", "s_mixed", "s_mixed", "s_mixed", "s_handler", "s_traceback", "s_traceback", "s_misc", "s_runner_loop"]

    def program(self):
        r = self.r
        scen = [getattr(self, r.choice(self.SCEN))() for _ in range(r.randint(1, 4))]
        conc = r.random() < 0.5
        main = ["async def main():"]
        if conc and len(scen) > 1:
            main.append("    res = await asyncio.gather(" + ", ".join(f"{s}()" for s in scen)
                        + ", return_exceptions=True)")
            main.append("    log('main', [type(x).__name__ for x in res])")
        else:
            for s in scen:
                main += ["    try:", f"        await {s}()", "    except BaseException as e:",
                         "        log('scenario', type(e).__name__)"]
        end_kind = r.choice(["none"] * 5 + ["leftover", "leftover_bad", "raise", "unawaited", "fail"])
        if end_kind == "leftover":
            main += ["    async def left():", "        try:", "            await asyncio.sleep(100)",
                     "        finally:", "            print('leftover finally')",
                     "    asyncio.create_task(left(), name='left')", "    await asyncio.sleep(0)"]
        elif end_kind == "leftover_bad":
            main += ["    async def left():", "        try:", "            await asyncio.sleep(100)",
                     "        except asyncio.CancelledError:", "            raise KeyError('in cancel')",
                     "    asyncio.create_task(left(), name='left')", "    await asyncio.sleep(0)"]
        elif end_kind == "raise":
            main += ["    raise RuntimeError('main failed')"]
        elif end_kind == "unawaited":
            main += ["    work('never', 1)", "    await asyncio.sleep(0)"]
        elif end_kind == "fail":
            main += ["    " + ln for ln in r.choice(self.FAILS).split("\n")]
        main.append("    log('end')")
        tail = r.choice(["run", "run", "run", "debug", "manual", "manual"])
        if tail == "run":
            end = "asyncio.run(main())"
        elif tail == "debug":
            end = "asyncio.run(main(), debug=True)"
        elif r.random() < 0.5:
            end = ("loop = asyncio.new_event_loop()\nasyncio.set_event_loop(loop)\n"
                   "loop.run_until_complete(main())\nloop.close()")
        else:
            end = ("loop = asyncio.new_event_loop()\n"
                   "t = loop.create_task(main())\n"
                   "t.add_done_callback(lambda t: loop.stop())\n"
                   "loop.run_forever()\n"
                   "print('stopped', t.done())\n"
                   "loop.run_until_complete(loop.shutdown_asyncgens())\n"
                   "loop.close()")
        return (f"# difftest seed {self.seed}\n" + PRELUDE + "\n\n" + "\n\n".join(self.defs) + "\n\n"
                + "\n".join(main) + "\n\n" + end + "\n")


# --- running and comparing --------------------------------------------------------------------

ASYNCIO_DIR = None


def asyncio_dir():
    global ASYNCIO_DIR
    if ASYNCIO_DIR is None:
        ASYNCIO_DIR = subprocess.run([sys.executable, "-c", "import asyncio, os; print(os.path.dirname(asyncio.__file__))"],
                                     capture_output=True, text=True).stdout.strip()
    return ASYNCIO_DIR


def mask(s):
    s = re.sub(r"0x[0-9a-f]+", "0x?", s)
    s = s.replace(asyncio_dir() + "/", "<loopscope>/asyncio/")
    out, skip = [], False
    for ln in s.split("\n"):
        if "oracle.py" in ln or "order_check.py" in ln:
            skip = ln.lstrip(" |").startswith("File ")  # and the frame's source line after it
            continue
        if skip and not ln.lstrip(" |").startswith("File ") and re.match(r"^[ |]*    ", ln):
            skip = False
            continue
        skip = False
        out.append(ln)
    return "\n".join(out)


def run(cmd, cwd):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=60)
        return mask(p.stdout), mask(p.stderr)
    except subprocess.TimeoutExpired:
        return "TIMEOUT", "TIMEOUT"


def compare(path, ls):
    d, b = os.path.dirname(os.path.abspath(path)), os.path.basename(path)
    diffs = []
    for mode in ([], ["--handles"]):
        exp = run([sys.executable, ORACLE] + mode + [b], d)
        got = run([ls, "run"] + mode + [b], d)
        if mode:
            # stderr under --handles shows the oracle's own wrapper in debug mode's stacks
            exp, got = (exp[0], ""), (got[0], "")
        if exp == got:
            continue
        # is CPython's own output address-dependent here?
        fwd = run([sys.executable, ORDER, "fwd"] + mode + [b], d)
        rev = run([sys.executable, ORDER, "rev"] + mode + [b], d)
        if mode:
            fwd, rev = fwd[0], rev[0]
        if fwd != rev:
            continue
        diffs.append((mode, exp, got))
    return diffs


def udiff(a, b, n=30):
    import difflib
    return "".join(list(difflib.unified_diff(a.splitlines(True), b.splitlines(True), "cpython", "loopscope", n=2))[:n])


def main(argv):
    if not argv:
        sys.exit(__doc__)
    cmd = argv[0]
    if cmd == "gen":
        print(Gen(int(argv[1])).program(), end="")
        return
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--out", default=os.path.join(ROOT, "target/difftest"))
    ap.add_argument("--ls", default=os.path.join(ROOT, "target/release/loopscope"))
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("files", nargs="*")
    a = ap.parse_args(argv[1:])
    if cmd == "check":
        bad = 0
        for f in a.files:
            for mode, exp, got in compare(f, a.ls):
                bad += 1
                print(f"DIFF {f} {' '.join(mode)}\n--- stdout\n{udiff(exp[0], got[0])}--- stderr\n{udiff(exp[1], got[1])}")
        if not bad:
            print("SAME")
        sys.exit(1 if bad else 0)
    os.makedirs(a.out, exist_ok=True)

    def one(seed):
        path = os.path.join(a.out, f"d{seed}.py")
        with open(path, "w") as fh:
            fh.write(Gen(seed).program())
        diffs = compare(path, a.ls)
        if not diffs:
            os.unlink(path)
            return seed, None
        with open(path[:-3] + ".diff", "w") as fh:
            for mode, exp, got in diffs:
                fh.write(f"### {' '.join(mode) or 'plain'}\n--- stdout\n{udiff(exp[0], got[0], 200)}--- stderr\n{udiff(exp[1], got[1], 200)}")
        return seed, diffs

    clean = bad = 0
    with ThreadPoolExecutor(a.j) as ex:
        for seed, diffs in ex.map(one, range(a.start, a.start + a.n)):
            if diffs:
                bad += 1
                print(f"DIFF seed {seed}: {', '.join(' '.join(m) or 'plain' for m, _, _ in diffs)}", flush=True)
            else:
                clean += 1
    print(f"{clean} clean, {bad} differing (of {a.n}); differing programs in {a.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
