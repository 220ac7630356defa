# An exception raised while evaluating an f-string expression.
user = {"name": "ann", "age": 30}
print(f"{user['name']} is {user['age']}")
print(f"{user['name']} lives in {user['city']}")
