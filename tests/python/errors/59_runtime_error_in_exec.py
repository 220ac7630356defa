# An exception inside exec'd code: its frames say `File "<string>"` without a source line.
program = """
def step(n):
    return 10 // n

for n in (2, 1, 0):
    print(step(n))
"""
exec(program)
