# 任务取消：CancelledError、finally 清理，以及 shield 保护关键操作。
import asyncio


async def 写数据库(记录):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    print(f"{loop.time():.1f}秒 已写入 {记录}")


async def 处理请求(编号):
    loop = asyncio.get_running_loop()
    try:
        print(f"{loop.time():.1f}秒 请求{编号} 开始")
        await asyncio.sleep(0.5)
        await asyncio.shield(写数据库(f"订单{编号}"))
        print(f"{loop.time():.1f}秒 请求{编号} 完成")
    except asyncio.CancelledError:
        print(f"{loop.time():.1f}秒 请求{编号} 被取消")
        raise
    finally:
        print(f"{loop.time():.1f}秒 请求{编号} 清理资源")


async def main():
    任务 = [asyncio.create_task(处理请求(i)) for i in (1, 2)]
    await asyncio.sleep(0.8)
    任务[1].cancel()
    结果 = await asyncio.gather(*任务, return_exceptions=True)
    print("结果：", [type(r).__name__ for r in 结果])
    await asyncio.sleep(1)
    print("主程序结束")


asyncio.run(main())
