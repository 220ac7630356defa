# queue, re-told from CPython 3.11's Lib/queue.py on loopscope's threading.
import threading
from collections import deque
from heapq import heappush, heappop
from time import monotonic as time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    # CPython's Empty comes from its C module, and tracebacks name it `_queue.Empty`.
    __module__ = '_queue'


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)  # cpython: queue.py:36
        self.mutex = threading.Lock()  # cpython: queue.py:42
        self.not_empty = threading.Condition(self.mutex)  # cpython: queue.py:46
        self.not_full = threading.Condition(self.mutex)  # cpython: queue.py:50
        self.all_tasks_done = threading.Condition(self.mutex)  # cpython: queue.py:54
        self.unfinished_tasks = 0

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')  # cpython: queue.py:75
                self.all_tasks_done.notify_all()  # cpython: queue.py:76
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()  # cpython: queue.py:90

    def qsize(self):
        with self.mutex:
            return self._qsize()  # cpython: queue.py:95

    def empty(self):
        with self.mutex:
            return not self._qsize()  # cpython: queue.py:109

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()  # cpython: queue.py:120

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full  # cpython: queue.py:137
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()  # cpython: queue.py:140
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")  # cpython: queue.py:142
                else:
                    endtime = time() + timeout  # cpython: queue.py:144
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - time()  # cpython: queue.py:146
                        if remaining <= 0.0:
                            raise Full  # cpython: queue.py:148
                        self.not_full.wait(remaining)  # cpython: queue.py:149
            self._put(item)  # cpython: queue.py:150
            self.unfinished_tasks += 1
            self.not_empty.notify()  # cpython: queue.py:152

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty  # cpython: queue.py:168
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()  # cpython: queue.py:171
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")  # cpython: queue.py:173
            else:
                endtime = time() + timeout  # cpython: queue.py:175
                while not self._qsize():
                    remaining = endtime - time()  # cpython: queue.py:177
                    if remaining <= 0.0:
                        raise Empty  # cpython: queue.py:179
                    self.not_empty.wait(remaining)  # cpython: queue.py:180
            item = self._get()  # cpython: queue.py:181
            self.not_full.notify()  # cpython: queue.py:182
            return item  # cpython: queue.py:183

    def put_nowait(self, item):
        return self.put(item, block=False)  # cpython: queue.py:191

    def get_nowait(self):
        return self.get(block=False)  # cpython: queue.py:199

    def _init(self, maxsize):
        self.queue = deque()  # cpython: queue.py:207

    def _qsize(self):
        return len(self.queue)  # cpython: queue.py:210

    def _put(self, item):
        self.queue.append(item)  # cpython: queue.py:214

    def _get(self):
        return self.queue.popleft()  # cpython: queue.py:218


class PriorityQueue(Queue):
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)  # cpython: queue.py:233

    def _put(self, item):
        heappush(self.queue, item)  # cpython: queue.py:236

    def _get(self):
        return heappop(self.queue)  # cpython: queue.py:239


class LifoQueue(Queue):
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)  # cpython: queue.py:249

    def _put(self, item):
        self.queue.append(item)  # cpython: queue.py:252

    def _get(self):
        return self.queue.pop()  # cpython: queue.py:255


class SimpleQueue(Queue):
    # CPython's is C (_queue.SimpleQueue): unbounded, no task tracking.
    def __init__(self):
        Queue.__init__(self)

    def put(self, item, block=True, timeout=None):
        Queue.put(self, item, block, timeout)

    def put_nowait(self, item):
        return self.put(item, block=False)
