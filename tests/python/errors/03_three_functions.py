# A traceback through three functions.
def parse(text):
    return int(text)

def load(values):
    return [parse(v) for v in values]

def main():
    print("loading")
    data = load(["1", "2", "x3"])
    print(data)

main()
