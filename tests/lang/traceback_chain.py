# Chained exceptions: context, then cause.
class ConfigError(Exception):
    pass

def load(d):
    try:
        return d["port"]
    except KeyError as e:
        raise ConfigError("missing port") from e

def start(d):
    try:
        return load(d)
    except ConfigError:
        value = d["host"] + 1
        return value

start({"host": "x"})
