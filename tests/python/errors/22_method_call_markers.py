# Markers under a method call on a long receiver expression.
class Config:
    def __init__(self):
        self.sections = {"db": {"host": "localhost"}}

config = Config()
port = config.sections["db"].get("port").strip()
