class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dist(self)
        return (self.x ** 2 + self.y ** 2) ** 0.5
