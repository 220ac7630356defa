# SystemExit from main ends the program without a traceback.
import asyncio
import sys


async def main():
    print("exiting with status 3")
    sys.exit(3)


try:
    asyncio.run(main())
finally:
    print("finally runs during SystemExit")
