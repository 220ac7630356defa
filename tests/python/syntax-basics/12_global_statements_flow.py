# A small program mixing statements: a state machine driven by a while loop.
transitions = {
    ("idle", "start"): "running",
    ("running", "pause"): "paused",
    ("paused", "resume"): "running",
    ("running", "stop"): "idle",
}
state = "idle"
events = ["start", "pause", "stop", "resume", "stop", "start", "explode"]
history = []
i = 0
while i < len(events):
    event = events[i]
    i += 1
    key = (state, event)
    if key in transitions:
        new = transitions[key]
        history.append(f"{state}-{event}->{new}")
        state = new
    elif event == "explode":
        history.append("boom")
        break
    else:
        history.append(f"ignored {event} in {state}")
        continue
else:
    history.append("no explosion")
for h in history:
    print(h)
print("final", state)
grid = [[0] * 4 for _ in range(3)]
for r in range(3):
    for c in range(4):
        if (r + c) % 2:
            grid[r][c] = 1
for row in grid:
    print("".join("#" if v else "." for v in row))
n, a, b = 0, 0, 1
while n < 10:
    a, b = b, a + b
    n += 1
print("fib10", a)
