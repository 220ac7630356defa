# Hand-written pretty printing of nested data with indentation and sorted keys.
def pretty(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        lines = ["{"]
        for k in sorted(value):
            lines.append(f"{pad}  {k!r}: {pretty(value[k], indent + 1)},")
        lines.append(pad + "}")
        return "\n".join(lines)
    if isinstance(value, (list, tuple)):
        open_, close = ("[", "]") if isinstance(value, list) else ("(", ")")
        if not value:
            return open_ + close
        inner = ", ".join(pretty(v, indent + 1) for v in value)
        if len(inner) < 40:
            return open_ + inner + close
        parts = [f"{pad}  {pretty(v, indent + 1)}" for v in value]
        return open_ + "\n" + ",\n".join(parts) + "\n" + pad + close
    return repr(value)
data = {
    "name": "loopscope",
    "version": (0, 1, 0),
    "tags": ["python", "asyncio", "rust", "wasm"],
    "deps": {},
    "matrix": [[1, 2, 3], [4, 5, 6]],
    "long": ["a fairly long string value", "and another long one here", 12345],
    "nested": {"z": None, "a": [True, False], "m": {"deep": 1.5}},
}
print(pretty(data))
print(pretty([]), pretty(()), pretty({"x": ()}))
print(repr(data["version"]), str(data["tags"]))
