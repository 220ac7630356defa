# An exception raised while the class body runs.
class Settings:
    defaults = {"debug": False}
    level = defaults["level"]

print("unreachable")
