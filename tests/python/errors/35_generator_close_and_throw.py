# throw() into a generator that does not handle the exception.
def worker():
    print("worker started")
    while True:
        job = yield
        print("got", job)

w = worker()
next(w)
w.send("job-1")
w.throw(TimeoutError("job took too long"))
