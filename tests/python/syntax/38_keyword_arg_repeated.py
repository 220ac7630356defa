print(sep="", sep=",")
