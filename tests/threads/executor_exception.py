import concurrent.futures
def work(x):
    return 1 / x
with concurrent.futures.ThreadPoolExecutor() as ex:
    f = ex.submit(work, 0)
    print(f.result())
