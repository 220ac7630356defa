# 事件循环的执行顺序：call_soon、call_later、任务之间如何交错。
import asyncio


async def 任务(名字):
    print(f"{名字}：第一步")
    await asyncio.sleep(0)
    print(f"{名字}：第二步")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0, print, "定时器：call_later(0)")
    loop.call_soon(print, "回调：call_soon")
    甲 = asyncio.create_task(任务("甲"))
    乙 = asyncio.create_task(任务("乙"))
    print("主协程：创建完毕")
    await asyncio.gather(甲, 乙)
    print("主协程：结束", 甲.get_name(), 乙.get_name())


asyncio.run(main())
