# raise ... from ...: "The above exception was the direct cause".
class ConfigError(Exception):
    pass

def read_port(cfg):
    try:
        return int(cfg["port"])
    except ValueError as e:
        raise ConfigError("port must be a number") from e

read_port({"port": "eighty"})
