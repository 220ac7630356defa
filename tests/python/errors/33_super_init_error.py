# An error inside a parent __init__ reached through super().
class Base:
    def __init__(self, size):
        self.cells = [0] * size
        self.first = self.cells[0]

class Board(Base):
    def __init__(self, rows, cols):
        super().__init__(rows * cols)
        self.rows = rows

b = Board(2, 2)
print(b.first)
Board(0, 3)
