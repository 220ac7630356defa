import textwrap
text = ("The event loop runs one callback at a time. When a coroutine awaits a future that is "
        "not done, the task is suspended and the loop picks the next ready callback. 事件循环一次只运行一个回调。")
print(textwrap.fill(text, width=40))
print(textwrap.wrap(text, 30)[:3])
print(textwrap.shorten(text, width=50, placeholder=" [...]"))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.dedent("""
    def f():
        return 1
"""))
w = textwrap.TextWrapper(width=25, initial_indent="* ", subsequent_indent="  ", break_long_words=True)
for line in w.wrap("supercalifragilisticexpialidocious words and more words here"):
    print(repr(line))
print(textwrap.fill("a-very-long-hyphenated-word-that-wraps nicely", 12))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10))
print(textwrap.fill("tabs\there\tand there", 15, expand_tabs=True))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.fill("One. Two.  Three", 80, fix_sentence_endings=True))
print(textwrap.indent("x\ny", "+", lambda l: l.startswith("y")))
