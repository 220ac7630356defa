# An exception inside __init__ and one inside __repr__ while handling it.
class Account:
    def __init__(self, balance):
        if balance < 0:
            raise ValueError("balance cannot be negative")
        self.balance = balance

    def __repr__(self):
        return f"Account({self.balance})"


def open_account(amount):
    try:
        return Account(amount)
    except ValueError:
        broken = Account.__new__(Account)
        print(repr(broken))

open_account(-5)
