# CPython places the caret of its tokenizer's errors by characters (its parser's by bytes).
问候 = "你好，世界
print(问候)
