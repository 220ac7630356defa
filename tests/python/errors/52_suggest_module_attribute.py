import random
random.seed(1)
print(random.randint(1, 6))
print(random.choise([1, 2]))
