# A traceback through methods of two classes.
class Repo:
    def __init__(self):
        self.items = {"a": 1}

    def get(self, key):
        return self.items[key]


class Service:
    def __init__(self, repo):
        self.repo = repo

    def lookup(self, key):
        value = self.repo.get(key)
        return value * 2


svc = Service(Repo())
print(svc.lookup("a"))
print(svc.lookup("missing"))
