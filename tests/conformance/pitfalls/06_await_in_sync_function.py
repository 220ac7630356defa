# 'await' outside an async function is a SyntaxError; so is 'async for' in a plain def.
samples = {
    "await in def": "def f():\n    await g()\n",
    "async for in def": "def f():\n    async for x in y:\n        pass\n",
    "async with in def": "def f():\n    async with x:\n        pass\n",
    "yield from in async def": "async def f():\n    yield from g()\n",
    "await at module level": "await g()\n",
}
for name, src in samples.items():
    try:
        compile(src, "<case>", "exec")
        print(name, "-> compiled")
    except SyntaxError as e:
        print(f"{name} -> SyntaxError: {e.msg} (line {e.lineno})")
