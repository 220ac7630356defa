# Chained exceptions: "The above exception was the direct cause of the following exception".
import asyncio


class ConfigError(Exception):
    pass


async def load():
    try:
        {}["port"]
    except KeyError as e:
        raise ConfigError("port is not configured") from e


async def main():
    print("loading config")
    await load()


asyncio.run(main())
