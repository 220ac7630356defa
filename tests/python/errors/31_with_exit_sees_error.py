# __exit__ runs and returns False, so the error propagates with its traceback.
class Transaction:
    def __enter__(self):
        print("begin")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("rollback" if exc_type else "commit")
        return False

with Transaction():
    balance = {"alice": 10}
    balance["bob"] -= 5
