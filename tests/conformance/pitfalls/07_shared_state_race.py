# A check-then-act race between awaits: two withdrawals both see enough money.
import asyncio

balance = 100


async def withdraw(name, amount):
    global balance
    if balance >= amount:
        print(f"{name}: balance {balance} is enough for {amount}")
        await asyncio.sleep(0.1)          # e.g. a database round trip
        balance -= amount
        print(f"{name}: withdrew {amount}, balance now {balance}")
    else:
        print(f"{name}: refused")


async def main():
    global balance
    await asyncio.gather(withdraw("alice", 80), withdraw("bob", 70))
    print("final balance:", balance)
    balance = 100
    lock = asyncio.Lock()

    async def safe(name, amount):
        async with lock:
            await withdraw(name, amount)
    await asyncio.gather(safe("alice", 80), safe("bob", 70))
    print("final balance with a lock:", balance)


asyncio.run(main())
