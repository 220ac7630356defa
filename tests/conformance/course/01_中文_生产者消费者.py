# 生产者/消费者模型：用 asyncio.Queue 在协程之间传递数据。
import asyncio


async def 生产者(队列, 名字, 数量):
    loop = asyncio.get_running_loop()
    for i in range(数量):
        await asyncio.sleep(0.2)
        产品 = f"{名字}的包子{i}"
        await 队列.put(产品)
        print(f"{loop.time():.1f}秒 {名字} 生产了 {产品}")


async def 消费者(队列, 名字):
    loop = asyncio.get_running_loop()
    while True:
        产品 = await 队列.get()
        await asyncio.sleep(0.5)
        print(f"{loop.time():.1f}秒 {名字} 吃掉了 {产品}")
        队列.task_done()


async def 主程序():
    队列 = asyncio.Queue(maxsize=2)
    消费者们 = [asyncio.create_task(消费者(队列, f"顾客{i}")) for i in (1, 2)]
    await asyncio.gather(生产者(队列, "张师傅", 3), 生产者(队列, "李师傅", 2))
    await 队列.join()
    for c in 消费者们:
        c.cancel()
    结果 = await asyncio.gather(*消费者们, return_exceptions=True)
    print("全部完成：", [type(r).__name__ for r in 结果])


asyncio.run(主程序())
