# Subscript markers under a nested index expression.
matrix = [[1, 2], [3, 4]]
row = 1
col = 5
print(matrix[0][1])
value = matrix[row][col]
