# An error inside a call whose arguments span several lines.
def make_user(name, age, email):
    return {"name": name, "age": age, "email": email.lower()}

user = make_user(
    "ann",
    30,
    None,
)
