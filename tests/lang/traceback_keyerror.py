data = {"users": {"alice": 1}}

def lookup(name):
    return data["users"][name]

print(lookup("alice"))
print(lookup("bob"))
