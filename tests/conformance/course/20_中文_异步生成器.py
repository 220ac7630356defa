# 异步生成器：分页读取数据，async for 与异步推导式。
import asyncio

数据库 = [f"用户{i:02d}" for i in range(7)]


async def 分页读取(每页数量):
    loop = asyncio.get_running_loop()
    页码 = 0
    try:
        while 页码 * 每页数量 < len(数据库):
            await asyncio.sleep(0.2)
            一页 = 数据库[页码 * 每页数量:(页码 + 1) * 每页数量]
            print(f"{loop.time():.1f}秒 读取第{页码 + 1}页")
            yield 一页
            页码 += 1
    finally:
        print(f"{loop.time():.1f}秒 关闭游标")


async def main():
    async for 页 in 分页读取(3):
        print("　", "，".join(页))
    全部 = [人 async for 页 in 分页读取(4) for 人 in 页 if 人.endswith(("1", "3", "5"))]
    print("奇数编号：", 全部)
    print("字符数：", len("，".join(全部)), "| 大写：", "abc用户".upper())


asyncio.run(main())
