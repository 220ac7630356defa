# 超时与重试：asyncio.wait_for 加上指数退避。
import asyncio

延迟表 = [2.0, 1.5, 0.3]


async def 请求(第几次):
    await asyncio.sleep(延迟表[第几次])
    return f"第{第几次 + 1}次请求成功"


async def 带重试的请求(超时=1.0, 最多=3):
    loop = asyncio.get_running_loop()
    for i in range(最多):
        try:
            return await asyncio.wait_for(请求(i), timeout=超时)
        except asyncio.TimeoutError:
            等待 = 0.5 * 2 ** i
            print(f"{loop.time():.1f}秒 第{i + 1}次超时，{等待}秒后重试")
            await asyncio.sleep(等待)
    raise RuntimeError("全部失败")


async def main():
    loop = asyncio.get_running_loop()
    结果 = await 带重试的请求()
    print(f"{loop.time():.1f}秒 {结果}")
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print("超时了！", "TimeoutError")


asyncio.run(main())
