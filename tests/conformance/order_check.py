# Runs oracle.py with the iterations over sets/WeakSets inside asyncio (asyncio.run cancelling
# leftover tasks, TaskGroup cancelling children, shutdown_asyncgens) forced into a fixed order
# (fwd) or its reverse (rev). If a case prints differently under the two, its output depends
# on memory addresses in real CPython and it must be rewritten (or listed in no_handles.txt
# when only the .handles differ). Usage, from the case directory:
#   python3 ../order_check.py fwd [--handles] X.py ; python3 ../order_check.py rev [--handles] X.py
import os, asyncio, asyncio.tasks, asyncio.taskgroups, asyncio.base_events, sys, runpy
MODE = sys.argv[1]
def order(items):
    items = list(items)
    return items[::-1] if MODE == "rev" else items
orig_all = asyncio.tasks.all_tasks
def all_tasks(loop=None):
    return order(sorted(orig_all(loop), key=lambda t: t.get_name()))
asyncio.tasks.all_tasks = all_tasks
asyncio.all_tasks = all_tasks
def _abort(self):
    self._aborting = True
    for t in order(sorted(self._tasks, key=lambda t: t.get_name())):
        if not t.done():
            t.cancel()
asyncio.taskgroups.TaskGroup._abort = _abort
async def shutdown_asyncgens(self):
    self._asyncgens_shutdown_called = True
    if not len(self._asyncgens):
        return
    closing = order(sorted(self._asyncgens, key=lambda g: g.__qualname__))
    self._asyncgens.clear()
    results = await asyncio.tasks.gather(*[ag.aclose() for ag in closing], return_exceptions=True)
asyncio.base_events.BaseEventLoop.shutdown_asyncgens = shutdown_asyncgens
sys.argv = [sys.argv[0]] + sys.argv[2:]
runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "oracle.py"), run_name="__main__")
