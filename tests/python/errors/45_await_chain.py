# A traceback through three awaiting coroutines driven by send().
async def read_config(path):
    raise FileNotFoundError(f"no such file: {path}")

async def load():
    return await read_config("app.toml")

async def start():
    config = await load()
    return config

start().send(None)
