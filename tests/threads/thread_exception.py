import threading, queue
def work(n):
    raise ValueError(n)
t = threading.Thread(target=work, args=(3,))
t.start(); t.join()
q = queue.Queue()
try:
    q.get(timeout=0.1)
except queue.Empty:
    print("empty")
q.get_nowait()
