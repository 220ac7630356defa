# Map-reduce over text chunks with gather, then a sorted word count.
import asyncio

TEXT = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick brown dog jumps over a lazy fox"""


async def mapper(i, line):
    await asyncio.sleep(0.1 * (3 - i))
    counts = {}
    for word in line.split():
        counts[word] = counts.get(word, 0) + 1
    print(f"mapper {i} done: {len(counts)} distinct words")
    return counts


async def reducer(partials):
    total = {}
    for part in partials:
        for word, n in part.items():
            total[word] = total.get(word, 0) + n
        await asyncio.sleep(0)
    return total


async def main():
    partials = await asyncio.gather(*(mapper(i, line) for i, line in enumerate(TEXT.splitlines())))
    total = await reducer(partials)
    top = sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("top words:", top)
    print("first-seen order:", list(total)[:6])


asyncio.run(main())
