# 异步上下文管理器 + 信号量限制并发的“爬虫”。
import asyncio
import contextlib

页面 = {"首页": 0.3, "新闻": 0.2, "体育": 0.5, "财经": 0.1, "科技": 0.4}


@contextlib.asynccontextmanager
async def 会话(名字):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.1f} 打开会话 {名字}")
    try:
        yield 名字
    finally:
        print(f"{loop.time():.1f} 关闭会话 {名字}")


async def 抓取(信号量, 会话名, 页):
    loop = asyncio.get_running_loop()
    async with 信号量:
        print(f"{loop.time():.1f} [{会话名}] 开始抓取 {页}")
        await asyncio.sleep(页面[页])
        return f"{页}({len(页) * 100}字节)"


async def main():
    信号量 = asyncio.Semaphore(2)
    async with 会话("爬虫一号") as 名:
        结果 = await asyncio.gather(*(抓取(信号量, 名, p) for p in 页面))
    print("结果：", "、".join(结果))


asyncio.run(main())
