# A full-width punctuation mark typed by an IME: the caret counts characters.
总数 = 1 ＋ 2
