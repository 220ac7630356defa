class Crawler:
    def __init__(self):
        self.visited = set()
c = Crawler()
print(c.visitd)
