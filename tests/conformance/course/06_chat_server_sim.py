# A simulated chat room: each client is a task, messages go through per-client queues.
import asyncio


class Room:
    def __init__(self):
        self.members = {}

    def join(self, name):
        self.members[name] = asyncio.Queue()
        return self.members[name]

    def leave(self, name):
        del self.members[name]

    async def broadcast(self, sender, text):
        for name, q in self.members.items():
            if name != sender:
                await q.put(f"{sender}: {text}")


async def client(room, name, script, loop):
    inbox = room.join(name)
    for delay, text in script:
        await asyncio.sleep(delay)
        await room.broadcast(name, text)
        while not inbox.empty():
            print(f"{loop.time():.1f} [{name}] sees {inbox.get_nowait()}")
    await asyncio.sleep(0.5)
    while not inbox.empty():
        print(f"{loop.time():.1f} [{name}] sees {inbox.get_nowait()}")
    room.leave(name)


async def main():
    loop = asyncio.get_running_loop()
    room = Room()
    await asyncio.gather(
        client(room, "ann", [(0.1, "hi all"), (0.4, "how are you?")], loop),
        client(room, "bob", [(0.2, "hey ann"), (0.2, "fine")], loop),
        client(room, "cat", [(0.6, "late hello")], loop),
    )
    print("room empty:", room.members == {})


asyncio.run(main())
