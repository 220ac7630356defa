# 心跳检测：后台任务定时发送心跳，主任务结束时取消它。
import asyncio


async def 心跳(间隔):
    loop = asyncio.get_running_loop()
    次数 = 0
    try:
        while True:
            次数 += 1
            print(f"{loop.time():.1f}秒 💓 心跳 #{次数}")
            await asyncio.sleep(间隔)
    except asyncio.CancelledError:
        print(f"{loop.time():.1f}秒 心跳停止，共 {次数} 次")
        raise


async def 下载(文件, 秒数):
    await asyncio.sleep(秒数)
    return f"{文件} 下载完成"


async def main():
    任务 = asyncio.create_task(心跳(1.0))
    print(await 下载("电影.mp4", 3.5))
    任务.cancel()
    try:
        await 任务
    except asyncio.CancelledError:
        print("任务已取消：", 任务.cancelled())
    print(f"字符串长度：{len('协程')}，repr：{'异步'!r}")


asyncio.run(main())
